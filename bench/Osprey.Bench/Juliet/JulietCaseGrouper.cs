using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Osprey.Bench.Juliet;

/// <summary>Groups the files of a Juliet CWE folder into test cases.</summary>
internal static partial class JulietCaseGrouper
{
    // A case file is <name>_<variant><part>.cs, where the part is a letter a–e (multi-file
    // variants) or one of the class-per-role suffixes of variant 81. Helper files (…__Helper.cs)
    // and Program.cs do not match and belong to no case.
    [GeneratedRegex(@"^(?<case>CWE\d+_\w+?_(?<variant>\d{2}))(?:[a-e]|_bad|_base|_goodG2B\d?|_goodB2G\d?|_good\d+)?\.cs$")]
    private static partial Regex CaseFileName();

    /// <summary>Splits a file name into its case name and flow variant; false for files of no case.</summary>
    public static bool TryParse(string fileName, out string caseName, out string variant)
    {
        var match = CaseFileName().Match(fileName);
        caseName = match.Success ? match.Groups["case"].Value : "";
        variant = match.Success ? match.Groups["variant"].Value : "";
        return match.Success;
    }

    /// <summary>The cases among <paramref name="files"/> (absolute paths), ordered by name.</summary>
    public static ImmutableArray<JulietCase> Group(int cwe, IEnumerable<string> files)
    {
        var cases = new SortedDictionary<string, (string Variant, List<string> Files)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (!TryParse(Path.GetFileName(file), out var name, out var variant))
            {
                continue;
            }

            if (!cases.TryGetValue(name, out var entry))
            {
                entry = (variant, []);
                cases[name] = entry;
            }

            entry.Files.Add(file);
        }

        return [.. cases.Select(c => new JulietCase(
            c.Key, cwe, c.Value.Variant, JulietSources.Of(c.Key), [.. c.Value.Files.Order(StringComparer.Ordinal)]))];
    }
}
