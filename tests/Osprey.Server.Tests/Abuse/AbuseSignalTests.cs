using Osprey.Server.Abuse;
using static Osprey.Server.Tests.Abuse.SignalFixture;

namespace Osprey.Server.Tests.Abuse;

/// <summary>Each signal on the shared synthetic population: fires on the attack it is for, explains itself, stays quiet on benign keys.</summary>
public sealed class AbuseSignalTests
{
    private static void AssertQuietOnBenign(List<AbuseSignalResult> fired) =>
        Assert.DoesNotContain(AllBenignKeys, k => FiredFor(fired, k));

    [Fact]
    public void Volume_HarvestingBurst_FiresAndBenignQuiet()
    {
        var fired = Fired(new VolumeSignal());

        Assert.True(FiredFor(fired, Traffic.AttackKeys["harvesting"].Single()));
        Assert.Contains(fired, r => r.Explanation.Contains("robust z", StringComparison.Ordinal));
        AssertQuietOnBenign(fired);
    }

    [Fact]
    public void Scope_UnregisteredArchives_FiresAndBenignQuiet()
    {
        var fired = Fired(new ScopeSignal());

        var result = Assert.Single(fired, r => r.Subject.Id == Traffic.AttackKeys["out-of-scope"].Single());
        Assert.Contains("8 of 8 submissions", result.Explanation, StringComparison.Ordinal);
        AssertQuietOnBenign(fired);
    }

    [Fact]
    public void Scope_NamedAssetOfAnotherOrganisation_IsOutOfScope()
    {
        var asset = new RegisteredAsset("org-a/repo", "org-a", ["src/a.cs"]);

        Assert.False(ScopeSignal.InScope(new(["src/a.cs"], "x", "org-b/repo"), [asset], 0.5));
        Assert.True(ScopeSignal.InScope(new(["src/a.cs", "src/new.cs"], "x"), [asset], 0.5));
        Assert.False(ScopeSignal.InScope(new(["lib/b.cs", "lib/c.cs", "src/a.cs"], "x"), [asset], 0.5));
    }

    [Fact]
    public void TemplatedInput_BulkSnippets_FiresAndBenignQuiet()
    {
        var fired = Fired(new TemplatedInputSignal());

        var result = Assert.Single(fired);
        Assert.Equal(Traffic.AttackKeys["templated"].Single(), result.Subject.Id);
        Assert.Contains("near-duplicates", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Harvesting_ProofReads_FiresAndBenignQuiet()
    {
        var fired = Fired(new HarvestingSignal());

        var result = Assert.Single(fired);
        Assert.Equal(Traffic.AttackKeys["harvesting"].Single(), result.Subject.Id);
        Assert.Contains("833 explanations", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordination_Hydra_FiresForEveryHydraKeyOnly()
    {
        var fired = Fired(new CoordinationSignal());

        Assert.Equal(Traffic.AttackKeys["hydra"].Order(), fired.Select(r => r.Subject.Id).Order());
        Assert.All(fired, r => Assert.Contains("python-requests/2.31", r.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void DistributionShift_SlowAndLow_FiresAndBenignQuiet()
    {
        var fired = Fired(new DistributionShiftSignal());

        Assert.True(FiredFor(fired, Traffic.AttackKeys["slow-and-low"].Single()));
        Assert.Contains(fired, r => r.Explanation.Contains("permutation threshold", StringComparison.Ordinal));
        AssertQuietOnBenign(fired);
    }

    [Fact]
    public void EverySignal_HydraKeys_UnderEverySingleKeyThreshold()
    {
        // The hydra is built to pass every per-key signal: only coordination may see it.
        var hydra = Traffic.AttackKeys["hydra"];
        foreach (var signal in AbuseMonitor.AllSignals().Where(s => s is not CoordinationSignal))
        {
            Assert.DoesNotContain(hydra, k => FiredFor(Fired(signal), k));
        }
    }
}
