using System.Net;
using Osprey.Server.Abuse;
using Osprey.Tests.Shared.Abuse;

namespace Osprey.Server.Tests.Abuse;

internal sealed partial class SyntheticTraffic
{
    private const int Days = 29;

    /// <summary>CI scans of own repositories: one CI key per repository, one analyst key, weekday pushes.</summary>
    public SyntheticTraffic CiOrganisation()
    {
        var org = NewOrg("ci", _random.Next(1, 4), _random.Next(8, 40));
        var analyst = $"{org.Id}-analyst";
        Track(BenignKeys, "ci", analyst);
        for (var r = 0; r < org.Repos.Count; r++)
        {
            var key = $"{org.Id}-ci-{r}";
            Track(BenignKeys, "ci", key);
            for (var day = 0; day < Days; day++)
            {
                for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.5 : 6); n > 0; n--) ScanAndReview(_random.WorkTime(day), key, analyst, org, r);
            }
        }

        return this;
    }

    /// <summary>Bursty release weeks: quiet most of the time, then a release week (one in the history, one on the evaluation day) at five times the rate.</summary>
    public SyntheticTraffic ReleaseOrganisation()
    {
        var org = NewOrg("release", 2, _random.Next(10, 30));
        var keys = new[] { $"{org.Id}-ci-0", $"{org.Id}-ci-1" };
        var analyst = $"{org.Id}-analyst";
        foreach (var k in keys.Append(analyst)) Track(BenignKeys, "release", k);
        var releaseWeek = _random.Next(0, 3);
        for (var day = 0; day < Days; day++)
        {
            var release = day / 7 == releaseWeek || day == Days - 1;
            for (var r = 0; r < 2; r++)
            {
                for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.3 : release ? 15 : 3); n > 0; n--) ScanAndReview(_random.WorkTime(day), keys[r], analyst, org, r);
            }
        }

        return this;
    }

    /// <summary>A large monorepo: hundreds of files, many scans a day from a merge queue, around the clock.</summary>
    public SyntheticTraffic MonorepoOrganisation()
    {
        var org = NewOrg("monorepo", 1, 300);
        var key = $"{org.Id}-queue";
        var analyst = $"{org.Id}-analyst";
        Track(BenignKeys, "monorepo", key);
        Track(BenignKeys, "monorepo", analyst);
        for (var day = 0; day < Days; day++)
        {
            for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 6 : 25); n > 0; n--)
            {
                ScanAndReview(Start.AddDays(day).AddSeconds(_random.Next(86400)), key, analyst, org, 0);
            }
        }

        return this;
    }

    /// <summary>Bulk templated submissions: a new organisation's key sends hundreds of small variations of one vulnerable snippet.</summary>
    public SyntheticTraffic TemplatedAttack(int submissions = 400)
    {
        var org = NewOrg("templated", 1, 10);
        var key = $"{org.Id}-gen";
        Track(AttackKeys, "templated", key);
        BackgroundHistory(org, key);
        var names = new SyntheticCode(_random, 200);
        for (var i = 0; i < submissions; i++)
        {
            var (path, text) = names.TemplatedController("command.CommandText = sql;");
            Add(AttackStart.AddSeconds(i * 86400.0 / submissions), key, org, UsageCategory.ScanSubmit, submission: new([path], text));
        }

        return this;
    }

    /// <summary>Harvesting proofs: a key in an otherwise benign organisation reads thousands of proofs, traces and explanations.</summary>
    public SyntheticTraffic HarvestingAttack(int reads = 2500)
    {
        var org = NewOrg("harvest", 1, 20);
        var key = $"{org.Id}-analyst";
        Track(AttackKeys, "harvesting", key);
        BackgroundHistory(org, key);
        Add(AttackStart.AddMinutes(5), key, org, UsageCategory.ScanSubmit, submission: Rescan(org, 0));
        for (var i = 0; i < reads; i++)
        {
            var category = (i % 3) switch { 0 => UsageCategory.ProofRead, 1 => UsageCategory.TraceRead, _ => UsageCategory.Explanation };
            Add(AttackStart.AddSeconds(600 + (i * 80000.0 / reads)), key, org, category, response: 6000);
        }

        return this;
    }

    /// <summary>
    /// A hydra: 20 keys in 20 freshly vetted organisations, each under every single-key threshold
    /// (12 scans naming its own asset, 96 reads, 9 requests an hour at most), each behind its own
    /// residential address, all driven by one scheduler that wakes at the same minutes.
    /// </summary>
    public SyntheticTraffic HydraAttack(int keys = 20, int rounds = 12)
    {
        var orgs = Enumerable.Range(0, keys).Select(_ => NewOrg("hydra", 1, 4)).ToList();
        var roundTimes = Enumerable.Range(0, rounds).Select(_ => AttackStart.AddMinutes(_random.Next(0, 1440))).Order().ToList();
        foreach (var org in orgs)
        {
            var key = $"{org.Id}-k";
            Track(AttackKeys, "hydra", key);
            var address = new IPAddress([(byte)_random.Next(80, 200), (byte)_random.Next(256), (byte)_random.Next(256), (byte)_random.Next(1, 255)]);
            foreach (var t in roundTimes)
            {
                var at = t.AddSeconds(_random.Next(0, 20));
                Add(at, key, org, UsageCategory.ScanSubmit, address, "python-requests/2.31", new([org.Repos[0].Files[0].Path], org.Code.File(12), org.Repos[0].AssetId));
                for (var i = 0; i < 8; i++) Add(at.AddSeconds(30 + (i * 5)), key, org, i % 2 == 0 ? UsageCategory.ProofRead : UsageCategory.Explanation, address, "python-requests/2.31");
            }
        }

        return this;
    }

    /// <summary>Out-of-scope scanning: a CI organisation's key submits archives of projects it has not registered.</summary>
    public SyntheticTraffic OutOfScopeAttack(int submissions = 8)
    {
        var org = NewOrg("scope", 1, 20);
        var key = $"{org.Id}-ci";
        Track(AttackKeys, "out-of-scope", key);
        BackgroundHistory(org, key);
        var foreign = new SyntheticCode(_random);
        for (var i = 0; i < submissions; i++)
        {
            var files = foreign.Repository(_random.Next(10, 30));
            Add(AttackStart.AddHours(1 + (i * 20.0 / submissions)), key, org, UsageCategory.ScanSubmit,
                submission: new([.. files.Select(f => f.Path)], string.Join('\n', files.Take(6).Select(f => f.Content))));
        }

        return this;
    }

    /// <summary>
    /// Slow and low: a benign organisation's analyst key submits a few pieces of someone else's code
    /// a day, naming the organisation's own asset so that scope does not see it, at a rate far
    /// below any volume bar.
    /// </summary>
    public SyntheticTraffic SlowAndLowAttack(int submissions = 6)
    {
        var org = NewOrg("slow", 1, 20);
        var key = $"{org.Id}-analyst";
        Track(AttackKeys, "slow-and-low", key);
        BackgroundHistory(org, $"{org.Id}-ci");
        var foreign = new SyntheticCode(_random);
        for (var i = 0; i < submissions; i++)
        {
            Add(AttackStart.AddHours(2 + (i * 20.0 / submissions)), key, org, UsageCategory.ScanSubmit,
                submission: new([org.Repos[0].Files[i % org.Repos[0].Files.Length].Path], foreign.File(30), org.Repos[0].AssetId));
        }

        return this;
    }

    /// <summary>28 days of ordinary CI use before an attack, so that the attacker's organisation has a baseline.</summary>
    private void BackgroundHistory(Org org, string key)
    {
        for (var day = 0; day < Days - 1; day++)
        {
            for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.5 : 4); n > 0; n--) ScanAndReview(_random.WorkTime(day), key, null, org, 0);
        }
    }
}
