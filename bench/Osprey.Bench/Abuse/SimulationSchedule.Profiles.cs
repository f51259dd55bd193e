using System.Net;
using Osprey.Tests.Shared.Abuse;

namespace Osprey.Bench.Abuse;

internal sealed partial class SimulationSchedule
{
    /// <summary>CI scans of own repositories: a CI key per repository (about 6 pushes a weekday) and an analyst key.</summary>
    public SimulationSchedule CiOrganisation()
    {
        var org = NewOrganisation("ci", _random.Next(1, 4), _random.Next(8, 30));
        var analyst = NewKey(org, "analyst");
        for (var r = 0; r < org.Repositories.Count; r++)
        {
            var key = NewKey(org, $"ci-{r}");
            for (var day = 0; day < Days; day++)
            {
                for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.5 : 6); n > 0; n--) ScanAndReview(_random.WorkTime(day), key, analyst, r);
            }
        }

        return this;
    }

    /// <summary>Bursty release weeks: 2 pushes a day per repository, five times that in a release week (one in the history) and on the evaluation day.</summary>
    public SimulationSchedule ReleaseOrganisation()
    {
        var org = NewOrganisation("release", 2, _random.Next(10, 25));
        var keys = new[] { NewKey(org, "ci-0"), NewKey(org, "ci-1") };
        var analyst = NewKey(org, "analyst");
        var releaseWeek = _random.Next(0, Math.Max(1, (_historyDays / 7) - 1));
        for (var day = 0; day < Days; day++)
        {
            var release = day / 7 == releaseWeek || day == Days - 1;
            for (var r = 0; r < 2; r++)
            {
                for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.3 : release ? 10 : 2); n > 0; n--) ScanAndReview(_random.WorkTime(day), keys[r], analyst, r);
            }
        }

        return this;
    }

    /// <summary>A large monorepo: one 150-file repository scanned by a merge queue around the clock.</summary>
    public SimulationSchedule MonorepoOrganisation()
    {
        var org = NewOrganisation("monorepo", 1, 150);
        var key = NewKey(org, "queue");
        var analyst = NewKey(org, "analyst");
        for (var day = 0; day < Days; day++)
        {
            for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 5 : 18); n > 0; n--) ScanAndReview(Start.AddDays(day).AddSeconds(_random.Next(86400)), key, analyst, 0);
        }

        return this;
    }

    /// <summary>Bulk templated submissions: a key sends hundreds of small variations of one vulnerable controller over the day.</summary>
    public SimulationSchedule TemplatedAttack(int submissions = 400)
    {
        var org = NewOrganisation("templated-org", 1, 10);
        var key = NewKey(org, "generator", "templated", attack: true);
        BackgroundHistory(org, key);
        var names = new SyntheticCode(_random, 200);
        for (var i = 0; i < submissions; i++)
        {
            var (path, text) = names.TemplatedController($"command.{SimulationEngine.Marker};");
            Add(AttackStart.AddSeconds(i * 86400.0 / submissions), key, SimStepKind.Submit, 0, [(path, text)], withToken: false);
        }

        return this;
    }

    /// <summary>Harvesting proofs: a key reads proofs and traces in bulk against a single scan.</summary>
    public SimulationSchedule HarvestingAttack(int reads = 1500)
    {
        var org = NewOrganisation("harvest-org", 1, 20);
        var key = NewKey(org, "analyst", "harvesting", attack: true);
        BackgroundHistory(org, key);
        Add(AttackStart.AddMinutes(5), key, SimStepKind.Submit, 0, org.Code.Edited(org.Repositories[0].Files));
        for (var i = 0; i < reads; i++) Add(AttackStart.AddSeconds(600 + (i * 80000.0 / reads)), key, SimStepKind.ReadFinding);
        return this;
    }

    /// <summary>
    /// A hydra: 20 keys in 20 freshly vetted organisations, each on its own address, each under every
    /// single-key threshold (12 scans of its own repository and 96 reads in the day), all woken by one
    /// scheduler at the same minutes.
    /// </summary>
    public SimulationSchedule HydraAttack(int keys = 20, int rounds = 12)
    {
        var roundTimes = Enumerable.Range(0, rounds).Select(_ => AttackStart.AddMinutes(_random.Next(0, 1440))).Order().ToList();
        for (var k = 0; k < keys; k++)
        {
            var org = NewOrganisation("hydra-org", 1, 4, "python-requests/2.31");
            var address = new IPAddress([127, (byte)(100 + (k / 200)), (byte)(k % 200), (byte)_random.Next(2, 250)]);
            var key = NewKey(org, "k", "hydra", attack: true, address: address);
            foreach (var t in roundTimes)
            {
                var at = t.AddSeconds(_random.Next(0, 20));
                Add(at, key, SimStepKind.Submit, 0, org.Code.Edited(org.Repositories[0].Files));
                for (var i = 0; i < 8; i++) Add(at.AddSeconds(30 + (i * 5)), key, SimStepKind.ReadFinding);
            }
        }

        return this;
    }

    /// <summary>Out-of-scope scanning: a CI key submits archives of projects its organisation has not registered, naming its own asset.</summary>
    public SimulationSchedule OutOfScopeAttack(int submissions = 8)
    {
        var org = NewOrganisation("scope-org", 1, 20);
        var key = NewKey(org, "ci", "out-of-scope", attack: true);
        BackgroundHistory(org, key);
        var foreign = new SyntheticCode(_random);
        for (var i = 0; i < submissions; i++)
        {
            Add(AttackStart.AddHours(1 + (i * 20.0 / submissions)), key, SimStepKind.Submit, 0, foreign.Repository(_random.Next(10, 30)), withToken: false);
        }

        return this;
    }

    /// <summary>
    /// Slow and low: an analyst key submits a few pieces of someone else's code, each under a path of
    /// the organisation's own repository so that scope does not see it, far below any volume bar.
    /// </summary>
    public SimulationSchedule SlowAndLowAttack(int submissions = 6)
    {
        var org = NewOrganisation("slow-org", 1, 20);
        var ci = NewKey(org, "ci", "background");
        var key = NewKey(org, "analyst", "slow-and-low", attack: true);
        BackgroundHistory(org, ci);
        var foreign = new SyntheticCode(_random);
        var files = org.Repositories[0].Files;
        for (var i = 0; i < submissions; i++)
        {
            Add(AttackStart.AddHours(2 + (i * 20.0 / submissions)), key, SimStepKind.Submit, 0, [(files[1 + (i % (files.Length - 1))].Path, foreign.File(30))], withToken: false);
        }

        return this;
    }

    /// <summary>The history of ordinary CI use before an attack, so that the attacker's organisation has a baseline.</summary>
    private void BackgroundHistory(SimOrganisation org, SimKey key)
    {
        for (var day = 0; day < _historyDays; day++)
        {
            for (var n = _random.Poisson(SyntheticCalendar.Weekend(day) ? 0.5 : 4); n > 0; n--) ScanAndReview(_random.WorkTime(day), key, null, 0);
        }
    }
}
