using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Osprey.Bench.Abuse;

/// <summary>
/// Replays the schedule against a running server: sets up every organisation over the API, replays
/// the history with the monitor off, restarts the server with the monitor on, replays the
/// evaluation day hour by hour (waiting at each hour for the monitor's run on the simulated clock)
/// and reads the assessments back from the operator API.
/// </summary>
internal static class AbuseSimulation
{
    public static async Task<AbuseSimResult> RunAsync(int seed, int historyDays, TextWriter log, CancellationToken cancellationToken)
    {
        var schedule = new SimulationSchedule(seed, historyDays);
        for (var i = 0; i < 6; i++) schedule.CiOrganisation();
        for (var i = 0; i < 6; i++) schedule.ReleaseOrganisation();
        for (var i = 0; i < 3; i++) schedule.MonorepoOrganisation();
        schedule.TemplatedAttack().HarvestingAttack().HydraAttack().OutOfScopeAttack().SlowAndLowAttack().Seal();
        log.WriteLine($"abuse-sim: {schedule.Organisations.Count} organisations, {schedule.Keys.Count()} keys, {schedule.Steps.Count} requests over {historyDays} days of history and one evaluation day");

        var wall = Stopwatch.StartNew();
        await using var server = await SimulationServer.StartAsync(SimulationSchedule.Start, TimeSpan.FromDays(historyDays), cancellationToken);
        await SetUpAsync(server, schedule, cancellationToken);
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, long>();
        var replay = new SimulationReplay(server, log, statuses);
        await replay.RunAsync(schedule.Steps.Where(s => s.At < schedule.AttackStart), cancellationToken);
        log.WriteLine($"abuse-sim: history replayed in {wall.Elapsed.TotalSeconds:0} s; restarting with the monitor on");

        // The monitor runs once at start and then every hour from there: start it at the evaluation day's first hour.
        server.Clock.SetUtcNow(schedule.AttackStart);
        await server.RestartWithMonitorAsync(TimeSpan.FromHours(1), cancellationToken);
        replay = new SimulationReplay(server, log, statuses);
        var checkpoints = new List<(int Hour, HashSet<string> Subjects)>();
        var day = schedule.Steps.Where(s => s.At >= schedule.AttackStart).ToList();
        for (var hour = 0; hour <= 24; hour++)
        {
            var boundary = schedule.AttackStart.AddHours(hour);
            await replay.RunAsync(day.Where(s => s.At < boundary && s.At >= boundary.AddHours(-1)), cancellationToken);
            await WaitForMonitorAsync(server, boundary, cancellationToken);
            checkpoints.Add((hour, await FlaggedSubjectsAsync(server, schedule.AttackStart.AddHours(-1), cancellationToken)));
            log.WriteLine($"abuse-sim: hour {hour,2}: {checkpoints[^1].Subjects.Count} subjects flagged ({wall.Elapsed.TotalSeconds:0} s)");
        }

        var evidence = await EvidenceAsync(server, cancellationToken);
        return AbuseSimResult.From(schedule, checkpoints, evidence, statuses, wall.Elapsed.TotalSeconds, historyDays, seed);
    }

    /// <summary>Applies for, vets and sizes every organisation, creates its keys, registers its repositories and seeds one scan so there are findings to read.</summary>
    private static async Task SetUpAsync(SimulationServer server, SimulationSchedule schedule, CancellationToken cancellationToken)
    {
        using var op = server.OperatorClient();
        foreach (var org in schedule.Organisations)
        {
            using var anonymous = SimKey.Client(server.BaseAddress, org.Address(2), org.UserAgent, null);
            var applied = await SimulationServer.PostJsonAsync(anonymous, "/api/v1/organisations/applications",
                new { name = org.Name, contactEmail = $"security@{org.Name}.example", purpose = "abuse simulation" }, cancellationToken);
            org.Id = applied.GetProperty("organisation").GetProperty("id").GetGuid();
            var admin = applied.GetProperty("key").GetProperty("secret").GetString()!;
            await SimulationServer.PostJsonAsync(op, $"/api/v1/operator/organisations/{org.Id}/vetting", new { action = "activate", evidence = "simulation", operatorName = "bench" }, cancellationToken);
            await SimulationServer.JsonAsync(await op.PutAsJsonAsync($"/api/v1/operator/organisations/{org.Id}/quotas",
                new { scansPerDay = 100_000, concurrentScans = 100_000, requestsPerMinute = 100_000_000 }, cancellationToken), cancellationToken);
            using var adminClient = SimKey.Client(server.BaseAddress, org.Address(3), org.UserAgent, admin);
            foreach (var (repo, i) in org.Repositories.Select((r, i) => (r, i)))
            {
                var asset = await SimulationServer.PostJsonAsync(adminClient, "/api/v1/assets", new { kind = "own-repository", name = $"{org.Name}/repo-{i}" }, cancellationToken);
                repo.AssetId = asset.GetProperty("id").GetGuid();
                repo.Token = asset.GetProperty("verificationToken").GetString()!;
            }

            foreach (var key in org.Keys)
            {
                var issued = await SimulationServer.PostJsonAsync(adminClient, "/api/v1/keys", new { name = key.Label, role = "analyst", exploitCleared = true }, cancellationToken);
                key.Secret = issued.GetProperty("secret").GetString()!;
                key.Id = issued.GetProperty("key").GetProperty("id").GetGuid();
            }

            var seed = org.Repositories[0];
            var scan = await SimulationServer.JsonAsync(await adminClient.PostAsync($"/api/v1/scans?assetId={seed.AssetId}",
                SimulationServer.Zip(seed.Files.Append((".osprey-verification", seed.Token))), cancellationToken), cancellationToken);
            var scanId = scan.GetProperty("id").GetGuid();
            while ((await adminClient.GetFromJsonAsync<JsonElement>($"/api/v1/scans/{scanId}", cancellationToken)).GetProperty("status").GetString() is "queued" or "running")
            {
                await Task.Delay(20, cancellationToken);
            }

            var findings = await adminClient.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scanId}/findings", cancellationToken);
            org.FindingIds.AddRange(findings!.Select(f => f.GetProperty("id").GetGuid()));
        }
    }

    private static async Task WaitForMonitorAsync(SimulationServer server, DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        // The usage recorder writes every 200 ms of real time: let the last requests land first.
        await Task.Delay(400, cancellationToken);
        if (server.Clock.GetUtcNow() < boundary) server.Clock.SetUtcNow(boundary);
        using var op = server.OperatorClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await op.GetFromJsonAsync<JsonElement>("/api/v1/operator/abuse/status", cancellationToken);
            if (status.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("at").GetDateTimeOffset() >= boundary) return;
            if (deadline.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException($"the abuse monitor did not run for {boundary:u}");
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Every subject (key:id or organisation:id) with an assessment in the alert band since <paramref name="since"/>.</summary>
    private static async Task<HashSet<string>> FlaggedSubjectsAsync(SimulationServer server, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var op = server.OperatorClient();
        var assessments = await op.GetFromJsonAsync<JsonElement[]>($"/api/v1/operator/abuse/assessments?since={Uri.EscapeDataString(since.ToString("O"))}", cancellationToken);
        return assessments!.Select(a => a.GetProperty("subjectKind").GetString() + ":" + a.GetProperty("subjectId").GetString()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The latest assessment's signals and first explanation per subject, for the report.</summary>
    private static async Task<Dictionary<string, (string Action, double Score, string[] Signals, string Explanation)>> EvidenceAsync(SimulationServer server, CancellationToken cancellationToken)
    {
        using var op = server.OperatorClient();
        var assessments = await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/abuse/assessments", cancellationToken);
        var evidence = new Dictionary<string, (string, double, string[], string)>(StringComparer.Ordinal);
        foreach (var a in assessments!.Reverse())
        {
            var reasons = a.GetProperty("reasons").EnumerateArray().ToList();
            var subject = a.GetProperty("subjectKind").GetString() + ":" + a.GetProperty("subjectId").GetString();
            var signals = reasons.Select(r => r.GetProperty("signal").GetString()!).ToArray();
            var previous = evidence.GetValueOrDefault(subject).Item3 ?? [];
            evidence[subject] = (a.GetProperty("action").GetString()!, a.GetProperty("score").GetDouble(), previous.Union(signals).ToArray(),
                reasons.FirstOrDefault() is { ValueKind: JsonValueKind.Object } r0 ? r0.GetProperty("explanation").GetString()! : "");
        }

        return evidence;
    }
}
