using Osprey.CSharp.Models;

namespace Osprey.CSharp.Tests.Models;

public sealed class BuiltInModelsTests
{
    [Fact]
    public void BuiltInModels_Load_HaveRowsAndNoErrors()
    {
        var models = ModelLoader.BuiltInModels;

        Assert.True(models.Errors.IsEmpty, string.Join("\n", models.Errors));
        Assert.True(models.Sources.Length > 50, $"only {models.Sources.Length} sources");
        Assert.True(models.Sinks.Length > 100, $"only {models.Sinks.Length} sinks");
        Assert.True(models.Summaries.Length > 100, $"only {models.Summaries.Length} summaries");
        Assert.NotEmpty(models.Barriers);
        Assert.NotEmpty(models.BarrierGuards);
        Assert.NotEmpty(models.Neutrals);
    }
}
