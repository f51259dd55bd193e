using Osprey.Bench.Juliet;
using Osprey.Bench.Proof;

namespace Osprey.Bench.Tests.Proof;

public class JulietProofSampleTests
{
    private static readonly string[] Variants = ["01", "02", "12", "22", "75"];
    private static readonly string[] Sources = ["File", "ReadLine", "QueryString_Web"];
    private static readonly string[] Flavours = ["CommandText", "ExecuteNonQuery", "ExecuteScalar"];

    // CWE-89's shape: every variant × source × sink flavour, named so that CommandText sorts first.
    private static readonly List<JulietCase> Detected =
    [
        .. from variant in Variants
           from source in Sources
           from flavour in Flavours
           select new JulietCase($"CWE89_SQL_Injection__Web_{source}_{flavour}_{variant}", 89, variant, source, []),
    ];

    [Fact]
    public void Select_SameSeed_GivesTheSameSample()
    {
        Assert.Equal(JulietProofSample.Select(Detected, 8, 7).Order(), JulietProofSample.Select(Detected, 8, 7).Order());
    }

    [Fact]
    public void Select_OtherSeed_GivesAnotherSample()
    {
        Assert.NotEqual(JulietProofSample.Select(Detected, 8, 7).Order(), JulietProofSample.Select(Detected, 8, 8).Order());
    }

    [Fact]
    public void Select_AsManyCasesAsVariants_CoversEveryVariantAndEverySource()
    {
        var chosen = Detected.Where(c => JulietProofSample.Select(Detected, Variants.Length, 20261129).Contains(c.Name)).ToList();

        Assert.Equal(Variants.Length, chosen.Count);
        Assert.Equal(Variants.Order(), chosen.Select(c => c.Variant).Distinct().Order());
        Assert.Equal(Sources.Order(), chosen.Select(c => c.Source).Distinct().Order());
    }

    [Fact]
    public void Select_WithinAStratum_DrawsEverySinkFlavourNotTheFirstByName()
    {
        var flavours = Enumerable.Range(0, 10)
            .SelectMany(seed => JulietProofSample.Select(Detected, Variants.Length, seed))
            .Select(name => Flavours.Single(f => name.Contains("_" + f + "_", StringComparison.Ordinal)))
            .ToHashSet();

        Assert.Equal(Flavours.Order(), flavours.Order());
    }
}
