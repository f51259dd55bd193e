using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Osprey.Server.Assets;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Abuse;

/// <summary>
/// Wraps the scan queue: every admitted submission also stores its sketch and scope result for
/// the abuse monitor (see <see cref="SubmissionFeatureEntity"/>). A failure to store the sketch is
/// logged and never refuses or loses the scan.
/// </summary>
internal sealed partial class SketchingScanQueue(IScanQueue inner, ServerRuntime runtime, IHttpContextAccessor http, ILogger<SketchingScanQueue> logger) : IScanQueue
{
    /// <summary>Earlier in-scope submissions of an asset whose paths form its known shape.</summary>
    private const int KnownSubmissions = 20;

    public async Task<(ScanJobEntity? Job, IResult? Refusal)> EnqueueAsync(ScanJobEntity job, byte[]? archive, CancellationToken cancellationToken)
    {
        var result = await inner.EnqueueAsync(job, archive, cancellationToken);
        if (result.Job is { } accepted)
        {
            try
            {
                await RecordAsync(accepted, archive, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or IOException)
            {
                LogSketchFailed(logger, accepted.Id, ex);
            }
        }

        return result;
    }

    private async Task RecordAsync(ScanJobEntity job, byte[]? archive, CancellationToken cancellationToken)
    {
        // A repository scan has no upload: the server fetches the asset's registered repository
        // itself, so the submission is the asset by construction and has no content to sketch.
        var sketch = archive is null ? new SubmissionSketcher.Sketch([], "", 0) : SubmissionSketcher.Of(archive, job.ArchiveFormat);
        await using var db = runtime.CreateDb();
        var asset = job.AssetId is null ? null : await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == job.AssetId, cancellationToken);
        if (archive is null)
        {
            var (fetchedInScope, fetchedReason) = SubmissionScope.DecideFetched(asset);
            db.SubmissionFeatures.Add(Features(job, fetchedInScope, fetchedReason, sketch));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var earlier = job.AssetId is null ? [] : await db.SubmissionFeatures.AsNoTracking()
            .Where(s => s.AssetId == job.AssetId && s.InScope).OrderByDescending(s => s.At).Take(KnownSubmissions).Select(s => s.PathsJson).ToListAsync(cancellationToken);
        var (inScope, reason) = SubmissionScope.Decide(asset, sketch, earlier.SelectMany(p => JsonSerializer.Deserialize<string[]>(p) ?? []).ToHashSet(StringComparer.Ordinal),
            archiveHasToken: asset is not null && ArchiveHasToken(archive, job.ArchiveFormat, asset.VerificationToken));
        db.SubmissionFeatures.Add(Features(job, inScope, reason, sketch));
        await db.SaveChangesAsync(cancellationToken);
    }

    private SubmissionFeatureEntity Features(ScanJobEntity job, bool inScope, string reason, SubmissionSketcher.Sketch sketch)
    {
        var client = http.HttpContext is { } context ? ClientIdentity.Of(context) : null;
        return new SubmissionFeatureEntity
        {
            ScanId = job.Id,
            At = job.SubmittedAt,
            KeyId = job.SubmittedByKeyId,
            OrganisationId = job.OrganisationId,
            AssetId = job.AssetId,
            InScope = inScope,
            ScopeReason = reason,
            FileCount = sketch.FileCount,
            PathsJson = JsonSerializer.Serialize(sketch.Paths),
            TextSample = sketch.TextSample,
            ClientAddress = client?.Address,
            ClientFingerprint = client?.Fingerprint,
        };
    }

    private static bool ArchiveHasToken(byte[] archive, string format, string token)
    {
        var (inspection, _) = ArchiveInspector.Inspect(archive, format, new ArchiveLimits(long.MaxValue, int.MaxValue));
        return inspection?.TokenFiles.Any(t => t.Contains(token, StringComparison.Ordinal)) == true;
    }

    public Task<ClaimedScan?> ClaimAsync(string workerId, CancellationToken cancellationToken) => inner.ClaimAsync(workerId, cancellationToken);

    public Task CompleteAsync(ClaimedScan scan, ScanOutcome outcome, CancellationToken cancellationToken) => inner.CompleteAsync(scan, outcome, cancellationToken);

    public Task ReleaseAsync(ClaimedScan scan, CancellationToken cancellationToken) => inner.ReleaseAsync(scan, cancellationToken);

    public Task WaitForWorkAsync(TimeSpan poll, CancellationToken cancellationToken) => inner.WaitForWorkAsync(poll, cancellationToken);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Storing the abuse sketch of scan {ScanId} failed; the scan is unaffected")]
    private static partial void LogSketchFailed(ILogger logger, Guid scanId, Exception ex);
}

/// <summary>
/// Whether a submission is the asset it names. Naming an asset is a claim, not evidence: the
/// archive is in scope when it carries the asset's verification token, when it is the asset's
/// first scan (which sets its shape), or when at least half its paths were seen in the asset's
/// earlier in-scope scans.
/// </summary>
internal static class SubmissionScope
{
    public const double Containment = 0.5;

    private const string NoAsset = "names no registered asset";

    public static (bool InScope, string Reason) Decide(AssetEntity? asset, SubmissionSketcher.Sketch sketch, IReadOnlySet<string> knownPaths, bool archiveHasToken)
    {
        if (asset is null) return (false, NoAsset);
        if (archiveHasToken) return (true, "carries the asset's verification token");
        if (knownPaths.Count == 0) return (true, "first scan of the asset");
        if (sketch.Paths.IsDefaultOrEmpty) return (false, "has no files");
        var seen = sketch.Paths.Count(knownPaths.Contains);
        var share = (double)seen / sketch.Paths.Length;
        return share >= Containment
            ? (true, $"{seen} of {sketch.Paths.Length} paths seen in earlier scans of the asset")
            : (false, $"only {seen} of {sketch.Paths.Length} paths seen in earlier scans of asset '{asset.Name}'");
    }

    /// <summary>A repository scan: the server fetched the asset's registered repository itself, so the content is the asset by construction.</summary>
    public static (bool InScope, string Reason) DecideFetched(AssetEntity? asset) =>
        asset is null ? (false, NoAsset) : (true, "fetched by the server from the asset's registered repository");
}
