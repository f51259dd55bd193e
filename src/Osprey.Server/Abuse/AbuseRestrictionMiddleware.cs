using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Abuse;

/// <summary>
/// Applies the abuse restrictions to organisation keys (never to operators): a suspended key or
/// organisation gets <c>403 suspended-for-abuse-review</c>; one under review may not read traces,
/// proofs or exports (<c>403 abuse-review-pending</c>) and is throttled; a throttled one gets
/// <see cref="AbuseMonitoringOptions.ThrottledRequestsPerMinute"/> requests per minute on the
/// server's clock (<c>429 abuse-throttled</c>). Runs after the usage recorder, so refusals are
/// counted like any other request.
/// </summary>
internal sealed class AbuseRestrictionMiddleware(RequestDelegate next, ServerRuntime runtime, AbuseRestrictions restrictions)
{
    private readonly ConcurrentDictionary<Guid, (long Minute, int Count)> _throttle = new();

    public async Task InvokeAsync(HttpContext http)
    {
        var caller = Caller.From(http.User);
        if (caller is null || caller.Role == ApiKeyRole.Operator || http.Request.Path.StartsWithSegments("/dashboard/logout"))
        {
            await next(http);
            return;
        }

        var level = await restrictions.LevelForAsync(caller.KeyId, caller.OrganisationId, http.RequestAborted);
        if (level == AbuseLevels.Suspend)
        {
            await ApiProblem.WriteAsync(http, 403, "suspended-for-abuse-review", "This key or its organisation is suspended pending an operator's review of its usage.",
                "Contact the service operator; the review queue holds the evidence.");
            return;
        }

        if (level == AbuseLevels.RequireReview && IsDetailRead(http))
        {
            await ApiProblem.WriteAsync(http, 403, "abuse-review-pending", "Traces, proofs and exports wait for an operator's review of this key's usage.",
                "Scans and finding lists still work; contact the service operator.");
            return;
        }

        if (level is AbuseLevels.Throttle or AbuseLevels.RequireReview && !Admit(caller.KeyId))
        {
            http.Response.Headers.RetryAfter = "60";
            await ApiProblem.WriteAsync(http, 429, "abuse-throttled", "This key is throttled while its usage is reviewed.",
                string.Create(CultureInfo.InvariantCulture, $"At most {runtime.Options.Abuse.ThrottledRequestsPerMinute} requests per minute; contact the service operator."));
            return;
        }

        await next(http);
    }

    private bool Admit(Guid keyId)
    {
        var minute = runtime.Now.ToUnixTimeSeconds() / 60;
        var limit = runtime.Options.Abuse.ThrottledRequestsPerMinute;
        var admitted = false;
        _throttle.AddOrUpdate(keyId, _ => { admitted = true; return (minute, 1); }, (_, c) =>
        {
            var current = c.Minute == minute ? c : (Minute: minute, Count: 0);
            admitted = current.Count < limit;
            return admitted ? (minute, current.Count + 1) : current;
        });
        return admitted;
    }

    private static bool IsDetailRead(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        return path.Contains("/findings/", StringComparison.Ordinal) && !path.StartsWith("/api/v1/scans/", StringComparison.Ordinal)
            || path.Contains("/export", StringComparison.Ordinal) || path.StartsWith("/api/v1/disclosure", StringComparison.Ordinal);
    }
}
