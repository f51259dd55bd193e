using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Scans;

/// <summary>
/// Runs at start-up, before any worker: a job left Running by a crash is queued again, or marked
/// failed with the reason once it has used its attempts; each organisation's active-scan counter
/// is recomputed from the jobs, so a crash cannot leak a concurrency slot.
/// </summary>
internal static class ScanRecovery
{
    public static async Task<(int Requeued, int Failed)> RunAsync(ServerRuntime runtime, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var interrupted = await db.ScanJobs.Where(j => j.Status == ScanStatus.Running).ToListAsync(cancellationToken);
        int requeued = 0, failed = 0;
        foreach (var job in interrupted)
        {
            job.LeaseOwner = null;
            if (job.Attempts >= runtime.Options.MaxScanAttempts)
            {
                job.Status = ScanStatus.Failed;
                job.FailureReason = $"the server stopped during the scan {job.Attempts} time(s); not retried again";
                job.FinishedAt = runtime.Now;
                failed++;
            }
            else
            {
                job.Status = ScanStatus.Queued;
                requeued++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.ScanArchives.Where(a => db.ScanJobs.Any(j => j.Id == a.ScanId && j.Status == ScanStatus.Failed)).ExecuteDeleteAsync(cancellationToken);
        var active = await db.ScanJobs.Where(j => j.Status == ScanStatus.Queued || j.Status == ScanStatus.Running)
            .GroupBy(j => j.OrganisationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        await db.Organisations.ExecuteUpdateAsync(s => s.SetProperty(o => o.ActiveScans, 0), cancellationToken);
        foreach (var org in active)
        {
            await db.Organisations.Where(o => o.Id == org.Key).ExecuteUpdateAsync(s => s.SetProperty(o => o.ActiveScans, org.Count), cancellationToken);
        }

        return (requeued, failed);
    }
}
