namespace Osprey.Core.Scanning;

/// <summary>The thing being scanned: a path and what kind of path it is.</summary>
public sealed record ScanTarget
{
    /// <summary>Absolute path of the folder, solution, project or file.</summary>
    public required string Path { get; init; }

    /// <summary>The kind of target, decided from the path.</summary>
    public required ScanTargetKind Kind { get; init; }

    /// <summary>The folder report paths are relative to: the folder itself, or the file's folder.</summary>
    public string RootDirectory => Kind == ScanTargetKind.Folder ? Path : System.IO.Path.GetDirectoryName(Path) ?? Path;

    /// <summary>
    /// Decides the kind of <paramref name="path"/>. Returns an error message (and no target) when
    /// the path does not exist or cannot be scanned.
    /// </summary>
    public static ScanTarget? TryCreate(string path, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "No path was given.";
            return null;
        }

        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return new ScanTarget { Path = full.TrimEnd(System.IO.Path.DirectorySeparatorChar), Kind = ScanTargetKind.Folder };
        }

        if (!File.Exists(full))
        {
            error = $"The path '{path}' does not exist.";
            return null;
        }

        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        var kind = extension switch
        {
            ".sln" or ".slnx" => ScanTargetKind.Solution,
            ".csproj" or ".vbproj" or ".fsproj" => ScanTargetKind.Project,
            _ when System.IO.Path.GetFileName(full).Equals("compile_commands.json", StringComparison.OrdinalIgnoreCase) => ScanTargetKind.Project,
            _ => ScanTargetKind.File,
        };
        return new ScanTarget { Path = full, Kind = kind };
    }
}
