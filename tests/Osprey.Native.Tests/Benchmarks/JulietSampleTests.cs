using Osprey.Native.Benchmarks;

namespace Osprey.Native.Tests.Benchmarks;

public sealed class JulietSampleTests
{
    // Five functional variants of one CWE, each in flow variants 01 to 08: forty cases.
    private static readonly IReadOnlyList<JulietCase> Cases =
        [.. from kind in new[] { "char_alloca", "char_declare", "int_loop", "wchar_t_cpy", "struct_memcpy" }
            from flow in Enumerable.Range(1, 8)
            let name = $"CWE121_Stack_Based_Buffer_Overflow__{kind}_{flow:D2}"
            select new JulietCase(name, 121, [$"/suite/{name}.c"])];

    [Fact]
    public void Sample_FewerCasesThanFlowVariants_TakesNoVariantTwice()
    {
        var sample = JulietCase.Sample(Cases, 6, seed: 7);

        Assert.Equal(6, sample.Count);
        Assert.Equal(6, sample.Select(c => c.FlowVariant).Distinct().Count());
    }

    [Fact]
    public void Sample_MoreCasesThanFlowVariants_CoversEveryVariant()
    {
        var sample = JulietCase.Sample(Cases, 20, seed: 7);

        Assert.Equal(20, sample.Distinct().Count());
        Assert.Equal(8, sample.Select(c => c.FlowVariant).Distinct().Count());
        Assert.All(sample.GroupBy(c => c.FlowVariant), g => Assert.InRange(g.Count(), 2, 3));
    }

    [Fact]
    public void Sample_SameSeed_DrawsTheSameCases()
    {
        Assert.Equal(JulietCase.Sample(Cases, 10, seed: 3).Select(c => c.Name), JulietCase.Sample(Cases, 10, seed: 3).Select(c => c.Name));
        Assert.NotEqual(JulietCase.Sample(Cases, 10, seed: 3).Select(c => c.Name), JulietCase.Sample(Cases, 10, seed: 4).Select(c => c.Name));
    }

    [Fact]
    public void Sample_CountZero_TakesEveryCase()
    {
        Assert.Equal(Cases.Count, JulietCase.Sample(Cases, 0, seed: 1).Count);
    }
}
