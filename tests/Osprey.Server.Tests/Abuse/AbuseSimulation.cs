using Microsoft.Extensions.Time.Testing;
using Osprey.Server.Abuse;

namespace Osprey.Server.Tests.Abuse;

/// <summary>
/// Runs the monitor over one synthetic population at checkpoints after the attacks start and
/// measures detection rate and time-to-detect per attack, and false positives per benign profile.
/// </summary>
internal sealed class AbuseSimulation
{
    public static readonly int[] CheckpointHours = [1, 2, 4, 8, 12, 24];

    private sealed class CollectingSink : IAbuseActionSink
    {
        public List<AbuseAction> Actions { get; } = [];

        public Task ApplyAsync(AbuseAction action, CancellationToken cancellationToken)
        {
            Actions.Add(action);
            return Task.CompletedTask;
        }
    }

    public required SyntheticTraffic Traffic { get; init; }

    /// <summary>Flagged keys (any action) at each checkpoint.</summary>
    public Dictionary<int, HashSet<string>> FlaggedAt { get; } = [];

    /// <summary>Signals that fired per key at the last checkpoint.</summary>
    public Dictionary<string, List<string>> SignalsAtEnd { get; } = [];

    public List<RiskAssessment> EndAssessments { get; private set; } = [];

    public static AbuseSimulation Run(int seed, int orgsPerBenignProfile)
    {
        var traffic = new SyntheticTraffic(seed);
        for (var i = 0; i < orgsPerBenignProfile; i++)
        {
            traffic.CiOrganisation().ReleaseOrganisation();
            if (i % 3 == 0) traffic.MonorepoOrganisation();
        }

        traffic.TemplatedAttack().HarvestingAttack().HydraAttack().OutOfScopeAttack().SlowAndLowAttack();
        var sim = new AbuseSimulation { Traffic = traffic };
        var usage = new InMemoryUsageRecordSource(traffic.Events);
        var assets = new InMemoryRegisteredAssetSource(traffic.Assets);
        var clock = new FakeTimeProvider(SyntheticTraffic.AttackStart);
        var sink = new CollectingSink();
        var monitor = new AbuseMonitor(usage, assets, sink, clock);
        var orgKeys = traffic.Events.GroupBy(e => e.OrgId).ToDictionary(g => g.Key, g => g.Select(e => e.KeyId).Distinct().ToList());
        foreach (var hours in CheckpointHours)
        {
            clock.SetUtcNow(SyntheticTraffic.AttackStart.AddHours(hours));
            sink.Actions.Clear();
            var (assessments, actions) = monitor.RunOnceAsync(CancellationToken.None).GetAwaiter().GetResult();
            sim.FlaggedAt[hours] = actions.Where(a => a.Subject.Kind == AbuseSubjectKind.Key).Select(a => a.Subject.Id)
                .Concat(actions.Where(a => a.Subject.Kind == AbuseSubjectKind.Organisation).SelectMany(a => orgKeys[a.Subject.Id]))
                .ToHashSet(StringComparer.Ordinal);
            if (hours == CheckpointHours[^1])
            {
                sim.EndAssessments = [.. assessments];
                foreach (var a in assessments) sim.SignalsAtEnd[a.Subject.Id] = a.Reasons.Select(r => r.Signal).Distinct().ToList();
            }
        }

        return sim;
    }

    public double DetectionRate(string attack)
    {
        var keys = Traffic.AttackKeys[attack];
        return (double)keys.Count(FlaggedAt[CheckpointHours[^1]].Contains) / keys.Count;
    }

    /// <summary>Hours until at least half of the attack's keys are flagged, or null if never within 24 h.</summary>
    public int? HoursToDetect(string attack)
    {
        var keys = Traffic.AttackKeys[attack];
        foreach (var h in CheckpointHours)
        {
            if (keys.Count(FlaggedAt[h].Contains) * 2 >= keys.Count) return h;
        }

        return null;
    }

    /// <summary>Fraction of a benign profile's keys flagged at any checkpoint.</summary>
    public (int Flagged, int Total) FalsePositives(string profile)
    {
        var keys = Traffic.BenignKeys[profile];
        return (keys.Count(k => FlaggedAt.Values.Any(f => f.Contains(k))), keys.Count);
    }
}
