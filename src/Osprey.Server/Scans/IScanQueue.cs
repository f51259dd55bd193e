using Microsoft.AspNetCore.Http;
using Osprey.Server.Storage;

namespace Osprey.Server.Scans;

/// <summary>
/// The queue of accepted scan jobs. Enqueueing applies the organisation's quotas atomically with
/// storing the job; claiming hands one job to one worker. The database-backed implementation is
/// <see cref="DbScanQueue"/>; a later issue puts a distributed engine behind this interface.
/// </summary>
internal interface IScanQueue
{
    /// <summary>
    /// Admits the job (within quotas) and stores it with its archive, or says why not. A job
    /// whose source the worker fetches (<c>git</c>) has no archive.
    /// </summary>
    Task<(ScanJobEntity? Job, IResult? Refusal)> EnqueueAsync(ScanJobEntity job, byte[]? archive, CancellationToken cancellationToken);

    /// <summary>Claims the oldest queued job for <paramref name="workerId"/>, or returns null.</summary>
    Task<ClaimedScan?> ClaimAsync(string workerId, CancellationToken cancellationToken);

    /// <summary>Completes a job: stores its findings (or failure) and releases its quota slot, in one transaction.</summary>
    Task CompleteAsync(ClaimedScan scan, ScanOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Puts a claimed job back (graceful shutdown) without counting the attempt.</summary>
    Task ReleaseAsync(ClaimedScan scan, CancellationToken cancellationToken);

    /// <summary>Waits until a job may be available (a submission in this process, or a poll interval).</summary>
    Task WaitForWorkAsync(TimeSpan poll, CancellationToken cancellationToken);
}

/// <summary>Runs one claimed job to an outcome. Never throws for a failing scan: the outcome says why.</summary>
internal interface IScanWorker
{
    Task<ScanOutcome> RunAsync(ClaimedScan scan, CancellationToken cancellationToken);
}

/// <summary>A job a worker holds, with its archive (empty for a job whose source the worker fetches).</summary>
internal sealed record ClaimedScan(ScanJobEntity Job, byte[] Archive, AssetEntity? Asset);

/// <summary>How a job ended: the findings, or the reason it failed.</summary>
internal sealed record ScanOutcome(IReadOnlyList<Osprey.Core.Findings.Finding> Findings, int FileCount, string? FailureReason)
{
    /// <summary>For a fetched repository: the commit that was scanned.</summary>
    public string? Commit { get; init; }

    public static ScanOutcome Failed(string reason) => new([], 0, reason);
}
