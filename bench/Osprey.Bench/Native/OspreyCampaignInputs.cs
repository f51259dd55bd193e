using Osprey.Native.Fuzzing;
using Osprey.Native.Recon;

namespace Osprey.Bench.Native;

/// <summary>
/// What Osprey's engine gives a campaign beyond plain libFuzzer, computed as the engine does it:
/// a dictionary from the literals libclang indexes in the compile database. Seeds come from
/// <see cref="CampaignSeeds"/>, which the engine's scan calls as well.
/// </summary>
internal static class OspreyCampaignInputs
{
    /// <summary>Writes the dictionary into <paramref name="work"/>; returns its path (null when empty) and the entry count.</summary>
    public static (string? Path, int Entries, int Units) WriteDictionary(string? compileDatabase, int clangMajorVersion, string work, CancellationToken cancellationToken)
    {
        if (compileDatabase is null)
        {
            return (null, 0, 0);
        }

        var path = System.IO.Path.Combine(work, "osprey.dict");
        var (commands, _, _) = CompileDatabaseReader.Read(compileDatabase, []);
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) > File.GetLastWriteTimeUtc(System.IO.Path.Combine(compileDatabase, "compile_commands.json")))
        {
            return (path, File.ReadLines(path).Count(), commands.Length); // indexed already: the dictionary of the same build
        }

        var index = new ClangIndexer(clangMajorVersion).Index(commands, cancellationToken);
        var entries = FuzzDictionary.Extract(index.Literals);
        if (entries.Count == 0)
        {
            return (null, 0, commands.Length);
        }

        File.WriteAllText(path, FuzzDictionary.Render(entries));
        return (path, entries.Count, commands.Length);
    }
}
