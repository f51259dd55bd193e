namespace Osprey.Core.Findings;

/// <summary>
/// A place in the scanned code. Lines and columns are 1-based; the file path is relative to the
/// scan root with forward slashes so that reports and fingerprints do not depend on the machine.
/// </summary>
public sealed record SourceLocation
{
    /// <summary>File path relative to the scan root, with <c>/</c> separators.</summary>
    public required string FilePath { get; init; }

    /// <summary>First line (1-based).</summary>
    public required int StartLine { get; init; }

    /// <summary>First column (1-based), or 0 when unknown.</summary>
    public int StartColumn { get; init; }

    /// <summary>Last line (1-based); equal to <see cref="StartLine"/> for one-line spans.</summary>
    public int EndLine { get; init; }

    /// <summary>Column just past the end (1-based), or 0 when unknown.</summary>
    public int EndColumn { get; init; }

    /// <summary>The enclosing member, e.g. <c>Shop.Data.ProductRepository.Search(string)</c>; null at file level.</summary>
    public string? Member { get; init; }

    /// <summary>The source text of the start line, trimmed; filled by the pipeline when the engine leaves it out.</summary>
    public string? Snippet { get; init; }

    /// <summary>The effective last line: <see cref="EndLine"/> when set, else <see cref="StartLine"/>.</summary>
    public int LastLine => EndLine >= StartLine ? EndLine : StartLine;

    /// <summary>Renders <c>path:line:column</c>.</summary>
    public override string ToString() => StartColumn > 0 ? $"{FilePath}:{StartLine}:{StartColumn}" : $"{FilePath}:{StartLine}";

    /// <summary>Normalises a path to the report form: relative to <paramref name="root"/>, forward slashes.</summary>
    public static string NormalizePath(string path, string? root)
    {
        var full = Path.GetFullPath(path);
        if (!string.IsNullOrEmpty(root))
        {
            var rootFull = RootDirectory(root);
            var relative = Path.GetRelativePath(rootFull, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                full = relative;
            }
        }

        return full.Replace('\\', '/');
    }

    // Every location of a scan has the same root: the file-system check runs once per root, not per location.
    private static RootEntry? _lastRoot;

    private static string RootDirectory(string root)
    {
        if (_lastRoot is { } last && string.Equals(last.Root, root, StringComparison.Ordinal))
        {
            return last.Directory;
        }

        var full = Path.GetFullPath(root);
        if (File.Exists(full))
        {
            full = Path.GetDirectoryName(full) ?? full;
        }

        _lastRoot = new RootEntry(root, full);
        return full;
    }

    private sealed record RootEntry(string Root, string Directory);
}
