using System.Collections.Immutable;
using System.Net;
using Osprey.Server.Abuse;
using Osprey.Tests.Shared.Abuse;

namespace Osprey.Server.Tests.Abuse;

/// <summary>
/// A synthetic usage log: benign organisation profiles (CI scans of own repositories, bursty release
/// weeks, a large monorepo) over 28 days of history and one evaluation day, and attack profiles
/// injected on the evaluation day. Seeded: the same seed gives the same log.
/// </summary>
internal sealed partial class SyntheticTraffic
{
    /// <summary>Monday 2 February 2026, 00:00 UTC: the start of history.</summary>
    public static readonly DateTimeOffset Start = SyntheticCalendar.Start;

    /// <summary>Start of the evaluation day (attacks begin here).</summary>
    public static readonly DateTimeOffset AttackStart = Start.AddDays(28);

    public static readonly string[] CommonFingerprints = ["osprey-cli/1.4 linux-x64", "osprey-cli/1.4 osx-arm64", "osprey-cli/1.3 linux-x64", "osprey-action/2"];

    private readonly Random _random;
    private int _orgCount;

    public SyntheticTraffic(int seed) => _random = new Random(seed);

    public List<UsageEvent> Events { get; } = [];

    public List<RegisteredAsset> Assets { get; } = [];

    /// <summary>Key ids of each benign profile.</summary>
    public Dictionary<string, HashSet<string>> BenignKeys { get; } = [];

    /// <summary>Key ids of each attack profile.</summary>
    public Dictionary<string, HashSet<string>> AttackKeys { get; } = [];

    private sealed record Org(string Id, int Index, string Fingerprint, List<(string AssetId, ImmutableArray<(string Path, string Content)> Files)> Repos, SyntheticCode Code);

    private Org NewOrg(string profile, int repos, int filesPerRepo)
    {
        var index = ++_orgCount;
        var code = new SyntheticCode(_random);
        var org = new Org($"{profile}-org-{index}", index, CommonFingerprints[_random.Next(CommonFingerprints.Length)], [], code);
        for (var r = 0; r < repos; r++)
        {
            var files = code.Repository(filesPerRepo);
            var asset = $"{org.Id}/repo-{r}";
            org.Repos.Add((asset, files));
            Assets.Add(new RegisteredAsset(asset, org.Id, files.Select(f => f.Path).ToImmutableHashSet()));
        }

        return org;
    }

    private IPAddress OrgAddress(Org org) => new([10, (byte)(org.Index / 250), (byte)(org.Index % 250), (byte)_random.Next(2, 250)]);

    private static void Track(Dictionary<string, HashSet<string>> map, string profile, string key)
    {
        if (!map.TryGetValue(profile, out var set)) map[profile] = set = [];
        set.Add(key);
    }

    private void Add(DateTimeOffset at, string key, Org org, UsageCategory category, IPAddress? address = null, string? fingerprint = null, SubmissionSketch? submission = null, long response = 2048)
    {
        Events.Add(new UsageEvent
        {
            At = at,
            KeyId = key,
            OrgId = org.Id,
            Category = category,
            RequestBytes = submission is null ? 300 : submission.TextSample.Length * 8,
            ResponseBytes = response,
            ClientAddress = address ?? OrgAddress(org),
            ClientFingerprint = fingerprint ?? org.Fingerprint,
            Submission = submission,
        });
    }

    /// <summary>A scan of one of the org's repositories with a few lines edited, as CI sends it.</summary>
    private SubmissionSketch Rescan(Org org, int repo)
    {
        var (asset, files) = org.Repos[repo];
        var sample = string.Join('\n', files.Take(6).Select(f => f.Content));
        var lines = sample.Split('\n');
        for (var i = 0; i < 2; i++) lines[_random.Next(lines.Length)] = org.Code.Line();
        var text = string.Join('\n', lines);
        return new SubmissionSketch([.. files.Select(f => f.Path)], text.Length > 4096 ? text[..4096] : text, _random.NextDouble() < 0.5 ? asset : null);
    }

    /// <summary>A scan followed by what a team does with the result: read findings, some traces and proofs, an export.</summary>
    private void ScanAndReview(DateTimeOffset at, string key, string? analystKey, Org org, int repo)
    {
        Add(at, key, org, UsageCategory.ScanSubmit, submission: Rescan(org, repo));
        var t = at.AddMinutes(_random.Next(2, 10));
        for (var i = _random.Next(2, 8); i > 0; i--) Add(t = t.AddSeconds(_random.Next(1, 30)), key, org, UsageCategory.FindingRead);
        Add(t.AddSeconds(5), key, org, UsageCategory.Export, response: 40_000);
        if (analystKey is null || _random.NextDouble() > 0.4) return;
        t = t.AddMinutes(_random.Next(10, 120));
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            Add(t = t.AddSeconds(_random.Next(10, 90)), analystKey, org, UsageCategory.TraceRead);
            if (_random.NextDouble() < 0.5) Add(t = t.AddSeconds(_random.Next(5, 60)), analystKey, org, UsageCategory.ProofRead);
            if (_random.NextDouble() < 0.3) Add(t = t.AddSeconds(_random.Next(5, 60)), analystKey, org, UsageCategory.Explanation);
        }
    }

}
