using Osprey.Tests.Shared.Abuse;

namespace Osprey.Bench.Abuse;

/// <summary>
/// The traffic of the simulation, seeded: benign organisations over the history and the evaluation
/// day, attacks on the evaluation day. Times are on the simulated clock; the replay sets the
/// server's clock to each step's time before sending it.
/// </summary>
internal sealed partial class SimulationSchedule
{
    /// <summary>Monday 2 February 2026, 00:00 UTC: the start of history.</summary>
    public static readonly DateTimeOffset Start = SyntheticCalendar.Start;

    private static readonly string[] CommonUserAgents = ["osprey-cli/1.4 linux-x64", "osprey-cli/1.4 osx-arm64", "osprey-cli/1.3 linux-x64", "osprey-action/2"];

    private readonly Random _random;
    private readonly int _historyDays;
    private int _orgCount;

    public SimulationSchedule(int seed, int historyDays)
    {
        _random = new Random(seed);
        _historyDays = historyDays;
    }

    /// <summary>Start of the evaluation day: attacks begin here and the monitor starts.</summary>
    public DateTimeOffset AttackStart => Start.AddDays(_historyDays);

    private int Days => _historyDays + 1;

    public List<SimOrganisation> Organisations { get; } = [];

    public List<SimStep> Steps { get; } = [];

    public IEnumerable<SimKey> Keys => Organisations.SelectMany(o => o.Keys);

    private SimOrganisation NewOrganisation(string profile, int repos, int filesPerRepo, string? userAgent = null)
    {
        var org = new SimOrganisation(profile, ++_orgCount, userAgent ?? CommonUserAgents[_random.Next(CommonUserAgents.Length)], new SyntheticCode(_random));
        for (var r = 0; r < repos; r++) org.Repositories.Add(new SimRepository(SimulatedRepositories.WithFinding(org.Code, filesPerRepo)));
        Organisations.Add(org);
        return org;
    }

    private SimKey NewKey(SimOrganisation org, string label, string? profile = null, bool attack = false, System.Net.IPAddress? address = null, string? userAgent = null)
    {
        var key = new SimKey(org, label, profile ?? org.Profile, attack, address ?? org.Address(10 + org.Keys.Count), userAgent ?? org.UserAgent);
        org.Keys.Add(key);
        return key;
    }

    private void Add(DateTimeOffset at, SimKey key, SimStepKind kind, int repository = 0, System.Collections.Immutable.ImmutableArray<(string, string)> files = default, bool withToken = true) =>
        Steps.Add(new SimStep(at, key, kind, repository, files, withToken));

    /// <summary>A CI push: the repository with a few lines changed, then the findings read, an export, and sometimes an analyst's look at traces and proofs.</summary>
    private void ScanAndReview(DateTimeOffset at, SimKey key, SimKey? analyst, int repository)
    {
        var org = key.Organisation;
        Add(at, key, SimStepKind.Submit, repository, org.Code.Edited(org.Repositories[repository].Files));
        var t = at.AddMinutes(_random.Next(2, 10));
        Add(t, key, SimStepKind.ListFindings, repository);
        for (var i = _random.Next(1, 6); i > 0; i--) Add(t = t.AddSeconds(_random.Next(1, 30)), key, SimStepKind.ReadFinding, repository);
        Add(t.AddSeconds(5), key, SimStepKind.Export, repository);
        if (analyst is null || _random.NextDouble() > 0.4) return;
        t = t.AddMinutes(_random.Next(10, 120));
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            Add(t = t.AddSeconds(_random.Next(10, 90)), analyst, SimStepKind.ReadFinding, repository);
        }
    }


    /// <summary>Sorts the steps by time (stable: steps at the same time keep their order).</summary>
    public SimulationSchedule Seal()
    {
        var sorted = Steps.Select((s, i) => (s, i)).OrderBy(x => x.s.At).ThenBy(x => x.i).Select(x => x.s).ToList();
        Steps.Clear();
        Steps.AddRange(sorted);
        return this;
    }
}
