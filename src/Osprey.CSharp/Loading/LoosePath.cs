namespace Osprey.CSharp.Loading;

/// <summary>
/// Resolves paths written in project files, which are often Windows paths (<c>..\lib\a.dll</c>)
/// whose case does not match the files on a case-sensitive file system.
/// </summary>
internal static class LoosePath
{
    /// <summary>
    /// Combines <paramref name="relative"/> with <paramref name="baseDirectory"/>, normalising separators,
    /// and when the exact path does not exist looks each segment up ignoring case. Returns the path that
    /// exists, or the normalised path when nothing matches.
    /// </summary>
    public static string Resolve(string baseDirectory, string relative)
    {
        var normalized = relative.Trim().Replace('\\', '/');
        var full = Path.GetFullPath(Path.IsPathRooted(normalized) ? normalized : Path.Combine(baseDirectory, normalized));
        if (File.Exists(full) || Directory.Exists(full))
        {
            return full;
        }

        return MatchIgnoringCase(full) ?? full;
    }

    private static string? MatchIgnoringCase(string full)
    {
        var segments = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        foreach (var segment in segments)
        {
            var exact = Path.Combine(current, segment);
            if (Directory.Exists(exact) || File.Exists(exact))
            {
                current = exact;
                continue;
            }

            if (!Directory.Exists(current))
            {
                return null;
            }

            string? match;
            try
            {
                match = Directory.EnumerateFileSystemEntries(current)
                    .FirstOrDefault(e => string.Equals(Path.GetFileName(e), segment, StringComparison.OrdinalIgnoreCase));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (match is null)
            {
                return null;
            }

            current = match;
        }

        return current;
    }
}
