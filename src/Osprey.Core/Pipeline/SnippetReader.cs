using System.Collections.Concurrent;
using Osprey.Core.Findings;

namespace Osprey.Core.Pipeline;

/// <summary>
/// Reads source lines for findings whose engine did not supply a snippet. One instance per scan;
/// each file is read at most once.
/// </summary>
public sealed class SnippetReader
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, string[]?> _files = new(StringComparer.Ordinal);

    /// <summary>Creates a reader for files relative to <paramref name="root"/>.</summary>
    public SnippetReader(string root) => _root = root;

    /// <summary>The trimmed text of <paramref name="line"/> (1-based) in <paramref name="relativePath"/>, or null.</summary>
    public string? Line(string relativePath, int line)
    {
        var lines = Lines(relativePath);
        return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : null;
    }

    /// <summary>All lines of a file, or null when it cannot be read.</summary>
    public string[]? Lines(string relativePath) => _files.GetOrAdd(relativePath, static (path, root) =>
    {
        try
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
            return File.Exists(full) ? File.ReadAllLines(full) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }, _root);

    /// <summary>Fills in missing snippets of the location, trace and related locations.</summary>
    public Finding Fill(Finding finding)
    {
        var trace = finding.Trace.IsDefaultOrEmpty
            ? finding.Trace
            : [.. finding.Trace.Select(s => s.Location.Snippet is null ? s with { Location = Fill(s.Location) } : s)];
        return finding with { Location = Fill(finding.Location), Trace = trace };
    }

    private SourceLocation Fill(SourceLocation location) =>
        location.Snippet is not null ? location : location with { Snippet = Line(location.FilePath, location.StartLine) };
}
