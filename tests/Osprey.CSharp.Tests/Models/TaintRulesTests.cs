using Osprey.CSharp.Models;
using Osprey.CSharp.Rules;

namespace Osprey.CSharp.Tests.Models;

public sealed class TaintRulesTests
{
    [Fact]
    public void All_EveryRule_HasIdCweHelpWithFix()
    {
        Assert.All(TaintRules.All, rule =>
        {
            Assert.StartsWith("cs/", rule.Id, StringComparison.Ordinal);
            Assert.NotEmpty(rule.Cwes);
            Assert.Contains("```csharp", rule.Help, StringComparison.Ordinal);
            Assert.Contains("How to fix", rule.Help, StringComparison.Ordinal);
        });
        Assert.Equal(TaintRules.All.Length, TaintRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void All_BuiltInSinkKinds_EachHaveARule()
    {
        var kinds = ModelLoader.BuiltInModels.Sinks.Select(s => s.Kind).Distinct();

        Assert.All(kinds, kind => Assert.True(TaintRules.Definitions.ContainsKey(kind), $"no rule for sink kind {kind}"));
    }

    [Theory]
    [InlineData("xss", new[] { 79, 80, 81, 83 })]
    [InlineData("path-injection", new[] { 22, 23, 36 })]
    [InlineData("command-injection", new[] { 78, 88 })]
    [InlineData("unsafe-reflection", new[] { 470 })]
    [InlineData("config-injection", new[] { 15 })]
    public void For_JulietCwes_AreListed(string kind, int[] cwes) => Assert.Equal(cwes, TaintRules.For(kind).Cwes.ToArray());
}
