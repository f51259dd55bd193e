using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Osprey.Core.Findings;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Opens a disclosure case for every finding of a scan of a third-party asset that has none yet
/// (one case per asset and finding fingerprint). Runs after the scan's results are committed; a
/// case is opened in <c>under_investigation</c> with no sign-off, so nothing is sent until a
/// reviewer has looked at it. Each opened case is audited.
/// </summary>
internal sealed class DisclosureIntake(ServerRuntime runtime, AuditLog audit)
{
    public async Task<IReadOnlyList<string>> OpenCasesAsync(ScanJobEntity job, AssetEntity? asset, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        if (asset is not { CoordinatedDisclosure: true } || findings.Count == 0) return [];
        var opened = new List<string>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                opened.AddRange(await OpenAsync(job, asset, findings, cancellationToken));
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another writer took the next case number or opened the same case: look again.
            }
        }

        foreach (var id in opened)
        {
            await audit.AppendAsync(new AuditEvent(AuditKinds.DisclosureOpened, null, job.OrganisationId, id)
            {
                Details = new Dictionary<string, string> { ["asset"] = asset.Id.ToString(), ["scan"] = job.Id.ToString() },
            }, cancellationToken);
        }

        return opened;
    }

    private async Task<List<string>> OpenAsync(ScanJobEntity job, AssetEntity asset, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var stored = await db.Findings.AsNoTracking().Where(f => f.ScanId == job.Id && f.Tracking != FindingTracking.Fixed)
            .Select(f => new { f.Id, f.Fingerprint }).ToListAsync(cancellationToken);
        var known = (await db.DisclosureCases.AsNoTracking().Where(c => c.AssetId == asset.Id).Select(c => c.Fingerprint).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = runtime.Now;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"OSP-{now.UtcDateTime.Year}-");
        var numbers = await db.DisclosureCases.AsNoTracking().Where(c => c.Id.StartsWith(prefix)).Select(c => c.Id).ToListAsync(cancellationToken);
        var next = numbers.Select(n => int.TryParse(n.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).DefaultIfEmpty(0).Max() + 1;
        var opened = new List<string>();
        foreach (var row in stored)
        {
            if (!known.Add(row.Fingerprint)) continue;
            var finding = findings.FirstOrDefault(f => f.Fingerprint == row.Fingerprint);
            if (finding is null) continue;
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}{next++:0000}");
            var c = DisclosureCase.Open(id, job.OrganisationId.ToString(), finding, AssetOf(asset), MaintainerOf(asset), now, "intake");
            var entity = new DisclosureCaseEntity
            {
                Id = id, OrganisationId = job.OrganisationId, AssetId = asset.Id, FindingId = row.Id, Fingerprint = row.Fingerprint,
                Status = "", MaintainerId = "", OpenedAt = now, CaseJson = "",
            };
            db.DisclosureCases.Add(entity);
            await DbDisclosureCaseStore.SaveAsync(db, entity, c, now, cancellationToken);
            opened.Add(id);
        }

        await tx.CommitAsync(cancellationToken);
        return opened;
    }

    /// <summary>The product as far as the registration tells; the reviewer completes vendor, ecosystem and versions.</summary>
    private static DisclosureAsset AssetOf(AssetEntity asset) => new()
    {
        Name = asset.Name,
        Vendor = OwnerOf(asset.RepositoryUrl) ?? asset.Name,
        RepositoryUrl = asset.RepositoryUrl,
    };

    /// <summary>
    /// The maintainer is keyed by the repository (its owner's projects share one pacing budget only
    /// when the reviewer sets a shared id); the channel stays unset until the reviewer names one.
    /// </summary>
    private static MaintainerContact MaintainerOf(AssetEntity asset) => new()
    {
        Id = (asset.RepositoryUrl ?? "asset:" + asset.Name).Trim().TrimEnd('/').ToLowerInvariant(),
        Name = $"Maintainers of {asset.Name}",
        Channel = MaintainerChannel.Unset,
    };

    private static string? OwnerOf(string? repositoryUrl) =>
        Uri.TryCreate(repositoryUrl, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? uri.Segments[1].Trim('/') : null;
}

/// <summary>The channel placeholder of a case whose maintainer contact the reviewer has not set.</summary>
internal static class MaintainerChannel
{
    public const string Unset = "(not set: the reviewer names the maintainer's security contact at sign-off)";
}
