namespace Osprey.Native.Fuzzing;

/// <summary>
/// Collects seed inputs from the repository: files in test, corpus, seed, sample and fuzz folders
/// that are not source code or build files. Bounded in count and size so that a large repository
/// does not flood the fuzzer.
/// </summary>
internal static class SeedCorpus
{
    private const int MaxFiles = 256;
    private const long MaxFileBytes = 1 << 20;

    private static readonly string[] SeedFolders = ["test", "tests", "testdata", "test-data", "corpus", "corpora", "seeds", "seed", "samples", "fuzz", "fuzzing", "examples", "data"];
    private static readonly string[] NotSeeds = [".c", ".h", ".cc", ".cpp", ".hpp", ".cxx", ".o", ".a", ".so", ".py", ".sh", ".cmake", ".mk", ".am", ".in", ".ac", ".m4", ".md", ".rst", ".json", ".yml", ".yaml", ".toml", ".cs", ".csproj", ".dict", ".options"];

    public static IReadOnlyList<string> Find(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var seeds = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var folders = relative.Split('/')[..^1];
            if (!folders.Any(f => SeedFolders.Contains(f.ToLowerInvariant()) || f.EndsWith("_corpus", StringComparison.OrdinalIgnoreCase))
                || folders.Any(f => f.StartsWith('.'))
                || NotSeeds.Contains(Path.GetExtension(file).ToLowerInvariant())
                || Path.GetFileName(file) is "Makefile" or "CMakeLists.txt" or "build.sh" or "Dockerfile")
            {
                continue;
            }

            var info = new FileInfo(file);
            if (info.Length is > 0 and <= MaxFileBytes)
            {
                seeds.Add(file);
                if (seeds.Count >= MaxFiles)
                {
                    break;
                }
            }
        }

        return seeds;
    }
}
