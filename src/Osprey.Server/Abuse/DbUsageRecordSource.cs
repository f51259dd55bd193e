using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Abuse;

/// <summary>
/// The usage log as the signals see it: every authenticated request of an organisation's key
/// (operators left out; the worker's scan records too, a submission is counted once) from the usage
/// records, categorised by its endpoint, and every accepted
/// submission with its sketch from the submission features. A submission whose archive is not the
/// asset it names carries no asset id, so the scope signal judges it by its paths alone.
/// </summary>
internal sealed class DbUsageRecordSource(ServerRuntime runtime) : IUsageRecordSource, IRegisteredAssetSource
{
    public async Task<IReadOnlyList<UsageEvent>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var operators = await db.Organisations.AsNoTracking().Where(o => o.IsOperator).Select(o => (Guid?)o.Id).ToListAsync(cancellationToken);
        var requests = await db.UsageRecords.AsNoTracking()
            .Where(u => u.At >= from && u.At < to && u.Kind == "request" && u.KeyId != null && u.OrganisationId != null && !operators.Contains(u.OrganisationId))
            .Select(u => new { u.At, u.KeyId, u.OrganisationId, u.Method, u.Endpoint, u.StatusCode, u.RequestBytes, u.ResponseBytes, u.ClientAddress, u.ClientFingerprint })
            .ToListAsync(cancellationToken);
        var submissions = await db.SubmissionFeatures.AsNoTracking().Where(s => s.At >= from && s.At < to).ToListAsync(cancellationToken);
        var events = new List<UsageEvent>(requests.Count + submissions.Count);
        foreach (var u in requests)
        {
            if (Categorise(u.Method, u.Endpoint) is not { } category) continue;
            events.Add(new UsageEvent
            {
                At = u.At, KeyId = u.KeyId!.Value.ToString(), OrgId = u.OrganisationId!.Value.ToString(), Category = category,
                RequestBytes = u.RequestBytes, ResponseBytes = u.ResponseBytes, ClientAddress = Address(u.ClientAddress, u.KeyId.Value), ClientFingerprint = u.ClientFingerprint ?? "",
            });
        }

        foreach (var s in submissions)
        {
            events.Add(new UsageEvent
            {
                At = s.At, KeyId = s.KeyId.ToString(), OrgId = s.OrganisationId.ToString(), Category = UsageCategory.ScanSubmit,
                ClientAddress = Address(s.ClientAddress, s.KeyId), ClientFingerprint = s.ClientFingerprint ?? "",
                Submission = new SubmissionSketch(JsonSerializer.Deserialize<ImmutableArray<string>>(s.PathsJson), s.TextSample, s.InScope ? s.AssetId?.ToString() : null),
            });
        }

        return events.OrderBy(e => e.At).ToList();
    }

    async Task<IReadOnlyList<RegisteredAsset>> IRegisteredAssetSource.ListAsync(CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var assets = await db.Assets.AsNoTracking().Select(a => new { a.Id, a.OrganisationId }).ToListAsync(cancellationToken);
        var since = runtime.Now - runtime.Options.Abuse.History - runtime.Options.Abuse.Window;
        var paths = await db.SubmissionFeatures.AsNoTracking().Where(s => s.InScope && s.AssetId != null && s.At >= since)
            .Select(s => new { s.AssetId, s.PathsJson }).ToListAsync(cancellationToken);
        var known = paths.GroupBy(p => p.AssetId!.Value).ToDictionary(g => g.Key,
            g => g.SelectMany(p => JsonSerializer.Deserialize<string[]>(p.PathsJson) ?? []).ToImmutableHashSet(StringComparer.Ordinal));
        return assets.Select(a => new RegisteredAsset(a.Id.ToString(), a.OrganisationId.ToString(), known.GetValueOrDefault(a.Id, ImmutableHashSet<string>.Empty))).ToList();
    }

    /// <summary>
    /// What a request is in the signals' terms; null for the submission itself (counted from the
    /// submission features) and for sign-in and static pages. A finding read returns its trace
    /// (and its proof to an exploit-cleared key), so it counts as a trace read.
    /// </summary>
    public static UsageCategory? Categorise(string method, string endpoint)
    {
        if (method == "POST" && endpoint.EndsWith("/scans", StringComparison.Ordinal)) return null;
        if (endpoint.StartsWith("/dashboard/login", StringComparison.Ordinal) || endpoint.EndsWith("style.css", StringComparison.Ordinal)) return null;
        if (endpoint.Contains("/export", StringComparison.Ordinal) || endpoint.EndsWith("/csaf", StringComparison.Ordinal) || endpoint.EndsWith("/osv", StringComparison.Ordinal))
            return UsageCategory.Export;
        if (endpoint.Contains("/findings/{findingId", StringComparison.Ordinal)) return UsageCategory.TraceRead;
        return UsageCategory.FindingRead;
    }

    /// <summary>
    /// The client address; a record without one (a submission made outside an HTTP request) gets a
    /// placeholder of its own key in the documentation range 2001:db8::/32, so that unknown
    /// addresses never make different keys look like one network.
    /// </summary>
    private static IPAddress Address(string? text, Guid keyId)
    {
        if (text is not null && IPAddress.TryParse(text, out var address)) return address;
        var bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = 0xb8;
        keyId.ToByteArray().AsSpan(0, 12).CopyTo(bytes.AsSpan(4));
        return new IPAddress(bytes);
    }
}
