using System.Text;
using System.Text.RegularExpressions;

namespace Osprey.Core.Scanning;

/// <summary>
/// A file glob over relative paths with <c>/</c> separators: <c>*</c> matches within a segment,
/// <c>**</c> any number of segments, <c>?</c> one character. A pattern without <c>/</c> matches the
/// file name in any folder (<c>*.cs</c> is <c>**/*.cs</c>), as .gitignore does.
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    private GlobPattern(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    public static GlobPattern Parse(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var normalized = pattern.Replace('\\', '/').Trim();
        if (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        if (!normalized.Contains('/'))
        {
            normalized = "**/" + normalized;
        }

        if (normalized.EndsWith('/'))
        {
            normalized += "**";
        }

        var regex = new StringBuilder("^");
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                var followedBySlash = i + 2 < normalized.Length && normalized[i + 2] == '/';
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        regex.Append('$');
        return new GlobPattern(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
    }

    /// <summary>Whether <paramref name="relativePath"/> (with <c>/</c> separators) matches.</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath);
}

/// <summary>Include and exclude globs applied together.</summary>
public sealed class FileFilter
{
    private readonly GlobPattern[] _include;
    private readonly GlobPattern[] _exclude;

    /// <summary>Builds a filter; an empty include list includes everything.</summary>
    public FileFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        _include = include.Select(GlobPattern.Parse).ToArray();
        _exclude = exclude.Select(GlobPattern.Parse).ToArray();
    }

    /// <summary>
    /// Whether everything under the folder is excluded (<c>**/bin/**</c> excludes <c>src/bin</c>),
    /// so that the walk need not enter it.
    /// </summary>
    public bool ExcludesFolder(string relativeFolder) => _exclude.Any(p => p.IsMatch(relativeFolder + "/\u0001"));

    /// <summary>Whether a file at <paramref name="relativePath"/> is scanned.</summary>
    public bool Accepts(string relativePath) =>
        (_include.Length == 0 || _include.Any(p => p.IsMatch(relativePath))) && !_exclude.Any(p => p.IsMatch(relativePath));
}
