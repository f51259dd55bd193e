namespace Osprey.Native.Fuzzing;

/// <summary>
/// Collects seed inputs from the repository: files in test, corpus, seed, sample and fuzz folders
/// (and folders named <c>test…</c>, <c>…suite</c> or <c>…corpus</c>) that are not source code,
/// build files, scripts or documentation. Bounded in count and size so that a large repository
/// does not flood the fuzzer.
/// </summary>
internal static class SeedCorpus
{
    private const int MaxFiles = 256;
    private const long MaxFileBytes = 1 << 20;

    private static readonly string[] SeedFolders = ["test", "tests", "testdata", "test-data", "corpus", "corpora", "seeds", "seed", "samples", "fuzz", "fuzzing", "examples", "data"];
    private static readonly string[] NotSeeds = [".c", ".h", ".cc", ".cpp", ".hpp", ".cxx", ".o", ".a", ".so", ".py", ".sh", ".cmake", ".mk", ".am", ".in", ".ac", ".m4", ".md", ".rst", ".json", ".yml", ".yaml", ".toml", ".cs", ".csproj", ".dict", ".options", ".pm", ".pl", ".t", ".rb", ".js", ".ts", ".lua", ".php", ".java", ".go", ".rs", ".bat", ".cmd", ".ps1"];

    // Documentation beside test inputs is not an input.
    private static readonly string[] NotSeedNames = ["README", "LICENSE", "COPYING", "CHANGES", "AUTHORS"];

    // "testpngs", "testfiles", "pngsuite", "fuzz_corpus": names that say the folder holds inputs.
    private static bool IsSeedFolder(string folder)
    {
        var name = folder.ToLowerInvariant();
        return SeedFolders.Contains(name) || name.StartsWith("test", StringComparison.Ordinal) || name.EndsWith("suite", StringComparison.Ordinal) || name.EndsWith("corpus", StringComparison.Ordinal);
    }

    // Test folders hold the scripts that run the tests as well as their inputs.
    private static bool IsScript(string file)
    {
        using var stream = File.OpenRead(file);
        return stream.ReadByte() == '#' && stream.ReadByte() == '!';
    }

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
            if (!folders.Any(IsSeedFolder)
                || folders.Any(f => f.StartsWith('.'))
                || NotSeeds.Contains(Path.GetExtension(file).ToLowerInvariant())
                || Path.GetFileName(file) is "Makefile" or "CMakeLists.txt" or "build.sh" or "Dockerfile"
                || NotSeedNames.Any(n => Path.GetFileName(file).StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var info = new FileInfo(file);
            if (info.Length is > 0 and <= MaxFileBytes && !IsScript(file))
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
