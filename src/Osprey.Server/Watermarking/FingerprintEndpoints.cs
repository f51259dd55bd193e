using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;

namespace Osprey.Server.Watermarking;

/// <summary>Operator endpoints to attribute leaked text: identify on the server, or export the key list for the CLI.</summary>
internal static class FingerprintEndpoints
{
    private const int MaxTextBytes = 4 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder api)
    {
        var op = api.MapGroup("/operator/fingerprint").RequireAuthorization(AccessPolicies.Operator);
        op.MapPost("/identify", IdentifyAsync).Produces<FingerprintMatchView>().WithSummary("The organisation whose output fingerprint the text/plain body carries, if any.");
        op.MapGet("/keys", KeysAsync).WithSummary("Every organisation's fingerprint key, as the key list of 'osprey fingerprint identify --keys'.");
    }

    private static async Task<IResult> IdentifyAsync(HttpContext http, ServerRuntime rt, OrganisationFingerprints fingerprints, AuditLog audit)
    {
        if (http.Request.ContentLength > MaxTextBytes) return ApiProblem.Result(413, "body-too-large", "The text is too large.", "Send at most 4 MiB of text.");
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (text.Length > MaxTextBytes) return ApiProblem.Result(413, "body-too-large", "The text is too large.", "Send at most 4 MiB of text.");
        await using var db = rt.CreateDb();
        var orgs = await db.Organisations.AsNoTracking().Where(o => !o.IsOperator).Select(o => o.Id).ToListAsync(http.RequestAborted);
        var match = fingerprints.Identify(text, orgs);
        var caller = Caller.From(http.User)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.FingerprintIdentified, caller.KeyId, match.OrgId is { } org && Guid.TryParse(org, out var id) ? id : null, "identify", ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["attributed"] = match.Confident ? match.OrgId ?? "" : "", ["explanation"] = match.Explanation },
        });
        return TypedResults.Ok(FingerprintMatchView.Of(match));
    }

    private static async Task<IResult> KeysAsync(HttpContext http, ServerRuntime rt, OrganisationFingerprints fingerprints, AuditLog audit)
    {
        await using var db = rt.CreateDb();
        var orgs = await db.Organisations.AsNoTracking().Where(o => !o.IsOperator).OrderBy(o => o.AppliedAt).Select(o => o.Id).ToListAsync(http.RequestAborted);
        var caller = Caller.From(http.User)!;
        await audit.AppendAsync(new AuditEvent(AuditKinds.FingerprintIdentified, caller.KeyId, null, "key-list-exported", ClientIdentity.Of(http).Address));
        return TypedResults.Text(fingerprints.KeyList(orgs), "text/plain");
    }
}

/// <summary>
/// A match as the API returns it. JSON has no infinity: an intact zero-width tag (an exact match,
/// z = ∞) is reported as <c>exact: true</c> with no z-score.
/// </summary>
internal sealed record FingerprintMatchView(string? OrgId, bool Confident, bool Exact, double? ZScore, int Slots, int Matches, int ZeroWidthTags, string Explanation)
{
    public static FingerprintMatchView Of(FingerprintMatch m) =>
        new(m.OrgId, m.Confident, double.IsPositiveInfinity(m.Score), double.IsFinite(m.Score) ? Math.Round(m.Score, 2) : null, m.Slots, m.Matches, m.ZeroWidthTags, m.Explanation);
}
