using System.Collections.Immutable;
using System.Net;
using Osprey.Server.Abuse;

namespace Osprey.Server.Tests.Abuse;

public sealed class AbuseBuildingBlockTests
{
    [Fact]
    public void ZScore_OutlierInBaseline_IgnoredByMedianAndMad()
    {
        double[] baseline = [10, 11, 9, 10, 12, 8, 10, 1000];

        Assert.Equal(10, RobustStatistics.Median(baseline));
        Assert.Equal((40 - 10) / (1.4826 * 1), RobustStatistics.ZScore(40, baseline), 6);
    }

    [Fact]
    public void ZScore_QuietBaseline_SpreadFloored()
    {
        Assert.Equal(5, RobustStatistics.ZScore(5, [0, 0, 0, 0]));
    }

    [Fact]
    public void EstimatedJaccard_CloseToTrueJaccard()
    {
        var lsh = new MinHashLsh();
        var a = Enumerable.Range(0, 300).Select(i => (ulong)i).ToHashSet();
        var b = Enumerable.Range(100, 300).Select(i => (ulong)i).ToHashSet(); // Jaccard 200/400 = 0.5

        Assert.InRange(MinHashLsh.EstimatedJaccard(lsh.Signature(a), lsh.Signature(b)), 0.35, 0.65);
    }

    [Fact]
    public void Cluster_NearDuplicatesAndStrangers_Separated()
    {
        var lsh = new MinHashLsh();
        var similar = Enumerable.Range(0, 10).Select(i => Enumerable.Range(i, 100).Select(x => (ulong)x).ToHashSet());
        var strangers = Enumerable.Range(0, 5).Select(i => Enumerable.Range(10_000 * (i + 1), 100).Select(x => (ulong)x).ToHashSet());

        var clusters = lsh.Cluster(similar.Concat(strangers).Select(lsh.Signature).ToList(), 0.5);

        Assert.Equal(10, clusters.Max(c => c.Count));
        Assert.Equal(6, clusters.Count);
    }

    [Fact]
    public void Threshold_SameDistribution_StatisticBelowIt()
    {
        var random = new Random(4);
        double[] Vector(int topic)
        {
            var v = new double[HashedNgramFeatures.Dimensions];
            for (var i = 0; i < 40; i++) v[(topic * 64) + random.Next(64)] += 1;
            var norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }

        var mmd = new MaximumMeanDiscrepancy(Enumerable.Range(0, 80).Select(_ => Vector(0)).ToList());
        var threshold = mmd.Threshold(10, 0.01, 200, seed: 1);

        Assert.True(mmd.Statistic(Enumerable.Range(0, 10).Select(_ => Vector(0)).ToList()) < threshold);
        Assert.True(mmd.Statistic(Enumerable.Range(0, 10).Select(_ => Vector(2)).ToList()) > 10 * threshold);
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0/24")]
    [InlineData("2001:db8:abcd:12::1", "2001:db8:abcd::/48")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0/24")]
    public void Of_Address_GivesSiteRange(string address, string range)
    {
        Assert.Equal(range, NetworkRange.Of(IPAddress.Parse(address)));
    }

    [Fact]
    public void MaxLaggedCorrelation_OneMinuteLag_StillCorrelated()
    {
        var x = new Dictionary<long, double> { [10] = 3, [200] = 2, [700] = 4, [1000] = 1 };
        var y = x.ToDictionary(kv => kv.Key + 1, kv => kv.Value);

        Assert.True(CoordinationSignal.MaxLaggedCorrelation(x, y, 1440) > 0.99);
        Assert.True(CoordinationSignal.MaxLaggedCorrelation(x, new() { [50] = 3, [400] = 2, [900] = 1 }, 1440) < 0.1);
    }

    [Fact]
    public void Score_TwoSignalsAtThreshold_CombineByNoisyOr()
    {
        var key = AbuseSubject.Key("k", "o");
        var scored = new RiskScorer().Score([new("scope", key, 0.5, "a"), new("harvesting", key, 0.5, "b")]);

        var assessment = Assert.Single(scored);
        Assert.Equal(0.75, assessment.Score, 6);
        Assert.Equal(2, assessment.Reasons.Length);
    }

    [Theory]
    [InlineData(0.49, null)]
    [InlineData(0.5, "Alert")]
    [InlineData(0.75, "Throttle")]
    [InlineData(0.9, "RequireReview")]
    [InlineData(0.99, "Suspend")]
    public void Decide_ScoreBands_MapToActions(double score, string? expectedName)
    {
        AbuseActionKind? expected = expectedName is null ? null : Enum.Parse<AbuseActionKind>(expectedName);
        var assessment = new RiskAssessment(AbuseSubject.Key("k", "o"), score, [new("scope", AbuseSubject.Key("k", "o"), score, "why")]);

        var action = AbusePolicy.Default.Decide(assessment, SyntheticTraffic.AttackStart);

        Assert.Equal(expected, action?.Kind);
        if (action is not null) Assert.Equal("why", Assert.Single(action.Evidence).Explanation);
    }

    [Fact]
    public void Validate_UnorderedBands_Throws()
    {
        Assert.Throws<ArgumentException>(() => (AbusePolicy.Default with { ThrottleAt = 0.4 }).Validate());
    }

    [Fact]
    public void Validate_BadOptions_NamesEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AbuseDetectionOptions { ShiftAlpha = 0, CoordinationMinKeys = 1 }.Validate());

        Assert.Contains("ShiftAlpha must be in (0, 1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CoordinationMinKeys must be at least 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_ArePinned()
    {
        var o = new AbuseDetectionOptions();

        Assert.Equal((TimeSpan.FromHours(24), TimeSpan.FromDays(28), 8.0, 0.4, 15, 30.0, 0.01, 200), (o.Window, o.History, o.VolumeZThreshold, o.TemplatedSimilarity, o.TemplatedMinCluster, o.HarvestReadsPerScan, o.ShiftAlpha, o.ShiftPermutations));
    }

    [Fact]
    public async Task RunOnceAsync_Attack_ActionsReachTheSink()
    {
        var traffic = new SyntheticTraffic(seed: 11).CiOrganisation().HarvestingAttack();
        var sink = new ListSink();
        var monitor = new AbuseMonitor(new InMemoryUsageRecordSource(traffic.Events), new InMemoryRegisteredAssetSource(traffic.Assets), sink,
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(SyntheticTraffic.AttackStart.AddHours(24)));

        var (_, actions) = await monitor.RunOnceAsync(CancellationToken.None);

        var key = traffic.AttackKeys["harvesting"].Single();
        var action = Assert.Single(sink.Actions, a => a.Subject.Kind == AbuseSubjectKind.Key);
        Assert.Equal(actions, sink.Actions);
        Assert.Equal(key, action.Subject.Id);
        Assert.True(action.Kind >= AbuseActionKind.Throttle, action.Summary);
        Assert.All(sink.Actions, a => Assert.StartsWith(a.Subject.OrgId, key, StringComparison.Ordinal));
    }

    private sealed class ListSink : IAbuseActionSink
    {
        public List<AbuseAction> Actions { get; } = [];

        public Task ApplyAsync(AbuseAction action, CancellationToken cancellationToken)
        {
            Actions.Add(action);
            return Task.CompletedTask;
        }
    }
}
