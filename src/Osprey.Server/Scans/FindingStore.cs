using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Core.Findings;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Scans;

/// <summary>
/// Stores a finished job in one transaction: the findings with their tracking state against the
/// previous successful scan of the same asset (new, still present, fixed), the job's result, the
/// released concurrency slot and the deleted archive. Either all of it is committed or none.
/// </summary>
internal sealed class FindingStore(ServerRuntime runtime)
{
    public async Task CompleteAsync(ClaimedScan scan, ScanOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await db.ScanJobs.FirstAsync(j => j.Id == scan.Job.Id, cancellationToken);
        if (job.Status is ScanStatus.Succeeded or ScanStatus.Failed) return;
        var now = runtime.Now;
        if (outcome.FailureReason is { } reason)
        {
            job.Status = ScanStatus.Failed;
            job.FailureReason = reason;
        }
        else
        {
            await AddFindingsAsync(db, job, scan.Asset, outcome.Findings, now, cancellationToken);
            job.Status = ScanStatus.Succeeded;
            job.FileCount = outcome.FileCount;
        }

        job.FinishedAt = now;
        job.LeaseOwner = null;
        await db.SaveChangesAsync(cancellationToken);
        await db.ScanArchives.Where(a => a.ScanId == job.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Organisations.Where(o => o.Id == job.OrganisationId && o.ActiveScans > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ActiveScans, o => o.ActiveScans - 1), cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    private static async Task AddFindingsAsync(OspreyDbContext db, ScanJobEntity job, AssetEntity? asset, IReadOnlyList<Finding> findings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previousScan = await db.ScanJobs.AsNoTracking()
            .Where(j => j.OrganisationId == job.OrganisationId && j.AssetId == job.AssetId && j.Status == ScanStatus.Succeeded && j.Id != job.Id)
            .OrderByDescending(j => j.FinishedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        var previous = previousScan is null ? [] : await db.Findings.AsNoTracking()
            .Where(f => f.ScanId == previousScan && f.Tracking != FindingTracking.Fixed).ToListAsync(cancellationToken);
        var before = previous.GroupBy(f => f.Fingerprint).ToDictionary(g => g.Key, g => g.First());
        var current = new HashSet<string>();
        foreach (var finding in findings)
        {
            if (!current.Add(finding.Fingerprint)) continue;
            var known = before.GetValueOrDefault(finding.Fingerprint);
            db.Findings.Add(ToEntity(finding, job, asset, now, known is null ? FindingTracking.New : FindingTracking.StillPresent, known?.FirstSeenScanId ?? job.Id));
            if (known is null) job.NewCount++;
        }

        foreach (var gone in previous.Where(f => !current.Contains(f.Fingerprint)))
        {
            db.Findings.Add(new FindingEntity
            {
                Id = Guid.NewGuid(),
                ScanId = job.Id,
                OrganisationId = job.OrganisationId,
                AssetId = job.AssetId,
                Fingerprint = gone.Fingerprint,
                Tracking = FindingTracking.Fixed,
                FirstSeenScanId = gone.FirstSeenScanId,
                RuleId = gone.RuleId,
                Title = gone.Title,
                Message = gone.Message,
                Severity = gone.Severity,
                FilePath = gone.FilePath,
                Line = gone.Line,
                VerificationStatus = gone.VerificationStatus,
                TraceJson = gone.TraceJson,
                ProofJson = gone.ProofJson,
                CoordinatedDisclosure = gone.CoordinatedDisclosure,
                RecordedAt = now,
            });
            job.FixedCount++;
        }

        job.FindingCount = current.Count;
    }

    private static FindingEntity ToEntity(Finding f, ScanJobEntity job, AssetEntity? asset, DateTimeOffset now, FindingTracking tracking, Guid firstSeen) => new()
    {
        Id = Guid.NewGuid(),
        ScanId = job.Id,
        OrganisationId = job.OrganisationId,
        AssetId = job.AssetId,
        Fingerprint = f.Fingerprint,
        Tracking = tracking,
        FirstSeenScanId = firstSeen,
        RuleId = f.RuleId,
        Title = f.Title,
        Message = f.Message,
        Severity = f.Severity.ToName(),
        FilePath = f.Location.FilePath,
        Line = f.Location.StartLine,
        VerificationStatus = f.Verification.Status.ToString().ToLowerInvariant(),
        TraceJson = JsonSerializer.Serialize(f.Trace.Select(StoredTraceStep.Of).ToArray(), StoredJson.Options),
        ProofJson = f.Verification.Proof is { } proof ? JsonSerializer.Serialize(proof, StoredJson.Options) : null,
        CoordinatedDisclosure = asset?.CoordinatedDisclosure ?? false,
        RecordedAt = now,
    };
}

/// <summary>A trace step as stored and served.</summary>
internal sealed record StoredTraceStep(string Kind, string File, int Line, int Column, string? Member, string? Snippet, string Description)
{
    public static StoredTraceStep Of(TraceStep s) => new(s.Kind.ToString().ToLowerInvariant(), s.Location.FilePath, s.Location.StartLine,
        s.Location.StartColumn, s.Location.Member, s.Location.Snippet, s.Description);
}

/// <summary>JSON settings for stored trace and proof columns.</summary>
internal static class StoredJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
