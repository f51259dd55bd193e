using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Scans;

/// <summary>
/// The database-backed queue. Quotas are enforced by conditional updates inside the transaction
/// that inserts the job (<c>UPDATE … SET Count = Count + 1 WHERE … AND Count &lt; limit</c>), so
/// concurrent submissions can never admit more than the limit, on SQLite (the transaction takes
/// the write lock first) or PostgreSQL (row locks re-check the condition).
/// </summary>
internal sealed class DbScanQueue(ServerRuntime runtime, FindingStore findings) : IScanQueue
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public async Task<(ScanJobEntity? Job, IResult? Refusal)> EnqueueAsync(ScanJobEntity job, byte[]? archive, CancellationToken cancellationToken)
    {
        var now = runtime.Now;
        var day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await EnsureCounterAsync(job.OrganisationId, day, cancellationToken);
        await using var db = runtime.CreateDb();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            var perDay = await db.Organisations.Where(o => o.Id == job.OrganisationId).Select(o => o.ScansPerDay).FirstAsync(cancellationToken);
            var admittedToday = await db.DailyScanCounters
                .Where(c => c.OrganisationId == job.OrganisationId && c.Day == day && c.Count < perDay)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + 1), cancellationToken);
            if (admittedToday == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
                return (null, Quota.TooMany("quota-scans-per-day", $"The organisation has used its {perDay} scans for today.",
                    "Try again after midnight UTC, or ask the operator for a larger quota.", midnight - now));
            }

            var admittedNow = await db.Organisations
                .Where(o => o.Id == job.OrganisationId && o.ActiveScans < o.ConcurrentScans)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ActiveScans, o => o.ActiveScans + 1), cancellationToken);
            if (admittedNow == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                return ((ScanJobEntity?)null, Quota.TooMany("quota-concurrent-scans", "The organisation has as many scans queued or running as it may.",
                    "Wait for a scan to finish.", TimeSpan.FromSeconds(30)));
            }

            db.ScanJobs.Add(job);
            if (archive is not null) db.ScanArchives.Add(new ScanArchiveEntity { ScanId = job.Id, Content = archive });
            await db.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            _signal.Release();
            return (job, (IResult?)null);
        });
    }

    private async Task EnsureCounterAsync(Guid organisationId, string day, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        if (await db.DailyScanCounters.AnyAsync(c => c.OrganisationId == organisationId && c.Day == day, cancellationToken)) return;
        db.DailyScanCounters.Add(new DailyScanCounterEntity { OrganisationId = organisationId, Day = day });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent submission created the row.
        }
    }

    public async Task<ClaimedScan?> ClaimAsync(string workerId, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var id = await db.ScanJobs.Where(j => j.Status == ScanStatus.Queued).OrderBy(j => j.SubmittedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null) return null;
            var now = runtime.Now;
            var claimed = await db.ScanJobs.Where(j => j.Id == id && j.Status == ScanStatus.Queued).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ScanStatus.Running)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.LeaseOwner, workerId), cancellationToken);
            if (claimed == 0) continue;
            var job = await db.ScanJobs.AsNoTracking().FirstAsync(j => j.Id == id, cancellationToken);
            var archive = await db.ScanArchives.AsNoTracking().Where(a => a.ScanId == id).Select(a => a.Content).FirstOrDefaultAsync(cancellationToken);
            var asset = job.AssetId is null ? null : await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == job.AssetId, cancellationToken);
            if (archive is not null) return new ClaimedScan(job, archive, asset);
            if (job.ArchiveFormat == Repositories.RepositoryFetcher.Format) return new ClaimedScan(job, [], asset);
            await CompleteAsync(new ClaimedScan(job, [], asset), ScanOutcome.Failed("the archive is missing"), cancellationToken);
        }

        return null;
    }

    public Task CompleteAsync(ClaimedScan scan, ScanOutcome outcome, CancellationToken cancellationToken) =>
        findings.CompleteAsync(scan, outcome, cancellationToken);

    public async Task ReleaseAsync(ClaimedScan scan, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        await db.ScanJobs.Where(j => j.Id == scan.Job.Id && j.Status == ScanStatus.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ScanStatus.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.LeaseOwner, (string?)null), cancellationToken);
    }

    public async Task WaitForWorkAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        await _signal.WaitAsync(poll, cancellationToken);
    }
}

/// <summary>429 responses with Retry-After.</summary>
internal static class Quota
{
    public static IResult TooMany(string code, string title, string hint, TimeSpan retryAfter) =>
        new RetryAfterResult(ApiProblem.Result(429, code, title, hint), retryAfter);

    private sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
