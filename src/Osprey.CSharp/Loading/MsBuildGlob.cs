using System.Text;
using System.Text.RegularExpressions;

namespace Osprey.CSharp.Loading;

/// <summary>
/// An MSBuild item glob resolved against a folder: <c>**</c> spans folders, <c>*</c> and <c>?</c>
/// stay within one. Unlike .gitignore globs, <c>*.cs</c> matches only the folder itself. Matching
/// ignores case, since most project files were written on Windows.
/// </summary>
internal sealed class MsBuildGlob
{
    private readonly Regex? _regex;
    private readonly string _literal;

    private MsBuildGlob(string baseDirectory, string pattern)
    {
        var normalized = pattern.Trim().Replace('\\', '/');
        var full = Path.GetFullPath(Path.IsPathRooted(normalized) ? normalized : Path.Combine(baseDirectory, normalized));
        HasWildcards = full.IndexOfAny(['*', '?']) >= 0;
        _literal = full;
        if (!HasWildcards)
        {
            Root = Path.GetDirectoryName(full) ?? "/";
            return;
        }

        var firstWildcard = full.IndexOfAny(['*', '?']);
        Root = full[..full.LastIndexOf('/', firstWildcard)] is { Length: > 0 } root ? root : "/";
        Recursive = full.IndexOf("**", StringComparison.Ordinal) >= 0 || full.IndexOf('/', firstWildcard) >= 0;
        _regex = new Regex(ToRegex(full), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>The absolute pattern.</summary>
    public string Literal => _literal;

    /// <summary>The folder under which the glob can match.</summary>
    public string Root { get; }

    /// <summary>Whether the glob has wildcards; without, it names one file.</summary>
    public bool HasWildcards { get; }

    /// <summary>Whether matches can be in sub-folders of <see cref="Root"/>.</summary>
    public bool Recursive { get; }

    /// <summary>Parses <paramref name="pattern"/> relative to <paramref name="baseDirectory"/>.</summary>
    public static MsBuildGlob Parse(string baseDirectory, string pattern) => new(baseDirectory, pattern);

    /// <summary>Whether the absolute path <paramref name="fullPath"/> matches.</summary>
    public bool IsMatch(string fullPath) =>
        _regex?.IsMatch(fullPath) ?? string.Equals(fullPath, _literal, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The files that match, skipping folders <paramref name="skipFolder"/> rejects (and hidden ones).
    /// A literal glob yields its file when it exists, found ignoring case.
    /// </summary>
    public IEnumerable<string> Enumerate(Func<string, bool> skipFolder)
    {
        if (!HasWildcards)
        {
            var resolved = LoosePath.Resolve("/", _literal);
            return File.Exists(resolved) ? [resolved] : [];
        }

        return Walk(Root, skipFolder).Where(IsMatch);
    }

    private IEnumerable<string> Walk(string directory, Func<string, bool> skipFolder)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Recursive ? Directory.GetDirectories(current) : [];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var folder in folders)
            {
                if (!Path.GetFileName(folder).StartsWith('.') && new DirectoryInfo(folder).LinkTarget is null && !skipFolder(folder))
                {
                    pending.Push(folder);
                }
            }
        }
    }

    private static string ToRegex(string full)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < full.Length; i++)
        {
            var c = full[i];
            if (c == '*' && i + 1 < full.Length && full[i + 1] == '*')
            {
                var slash = i + 2 < full.Length && full[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                regex.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return regex.Append('$').ToString();
    }
}
