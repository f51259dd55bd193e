using System.Collections.Immutable;

namespace Osprey.Bench.Throughput;

/// <summary>
/// The C# files of a throughput target, grouped into projects the way a loader would: each file
/// belongs to the nearest folder above it that holds a project file (or to the root).
/// </summary>
/// <param name="Root">The folder measured.</param>
/// <param name="Projects">Files per project folder.</param>
/// <param name="Lines">Total lines of C#.</param>
internal sealed record ThroughputInput(string Root, ImmutableArray<ImmutableArray<string>> Projects, long Lines)
{
    /// <summary>Every file.</summary>
    public int FileCount => Projects.Sum(p => p.Length);

    /// <summary>Lists the files of <paramref name="path"/>: a folder, or the folder of a solution or project file.</summary>
    /// <exception cref="Cli.BenchUsageException">The path does not exist or holds no C#.</exception>
    public static ThroughputInput Load(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Directory.Exists(full) ? full
            : File.Exists(full) ? Path.GetDirectoryName(full)!
            : throw new Cli.BenchUsageException($"'{path}' does not exist.");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new Cli.BenchUsageException($"'{path}' holds no C# files.");
        }

        var projectFolders = new Dictionary<string, bool>(StringComparer.Ordinal);
        var projects = files.GroupBy(f => ProjectFolderOf(f, root, projectFolders), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToImmutableArray())
            .ToImmutableArray();
        long lines = 0;
        foreach (var file in files)
        {
            lines += File.ReadLines(file).LongCount();
        }

        return new ThroughputInput(root, projects, lines);
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part is "bin" or "obj" or ".git");

    private static string ProjectFolderOf(string file, string root, Dictionary<string, bool> hasProject)
    {
        for (var folder = Path.GetDirectoryName(file); folder is not null && folder.Length >= root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (!hasProject.TryGetValue(folder, out var has))
            {
                has = Directory.EnumerateFiles(folder, "*.csproj").Any();
                hasProject[folder] = has;
            }

            if (has)
            {
                return folder;
            }
        }

        return root;
    }
}
