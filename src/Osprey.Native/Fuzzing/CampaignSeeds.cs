using System.Collections.Immutable;
using System.Globalization;

namespace Osprey.Native.Fuzzing;

/// <summary>
/// The seeds a campaign starts from, taken from the repository's tests: the input files of its
/// test, corpus and sample folders (<see cref="SeedCorpus"/>), then the protocol messages its test
/// scripts write out (<see cref="TestScriptSeeds"/>). Both are bounded in count and neither reads
/// a folder starting with a dot, so a challenge's <c>.internal_only</c> proof inputs stay unused.
/// The engine's scan and the bench's Osprey campaigns both call this, so they seed alike.
/// </summary>
internal static class CampaignSeeds
{
    /// <summary>
    /// Seed files from every root, in order, without duplicates; the test-script messages are
    /// written into <c>seeds/&lt;root index&gt;</c> under <paramref name="work"/>.
    /// </summary>
    public static ImmutableArray<string> Collect(string work, params string[] roots)
    {
        var files = roots.SelectMany(SeedCorpus.Find);
        var messages = roots.SelectMany((root, i) => TestScriptSeeds.Write(root, Path.Combine(work, "seeds", i.ToString(CultureInfo.InvariantCulture))));
        return [.. files.Concat(messages).Distinct(StringComparer.Ordinal)];
    }
}
