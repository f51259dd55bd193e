using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Osprey.Server.Api;

namespace Osprey.Server.Usage;

/// <summary>
/// ASP.NET Core's rate limiter: a per-organisation fixed window of the organisation's
/// requests-per-minute quota (from the key's claims), and a per-address limit on anonymous
/// applications. Refusals are 429 problems with Retry-After.
/// </summary>
internal static class RateLimiting
{
    public const string ApplicationsPolicy = "applications";

    public static void Add(IServiceCollection services, ServerOptions options) => services.AddRateLimiter(limiter =>
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var caller = Caller.From(http.User);
            if (caller is null || caller.RequestsPerMinute <= 0)
            {
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            return RateLimitPartition.GetFixedWindowLimiter($"org:{caller.OrganisationId}:{caller.RequestsPerMinute}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = caller.RequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        });
        limiter.AddPolicy(ApplicationsPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            "apply:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.ApplicationsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ApiProblem.WriteAsync(context.HttpContext, 429, "rate-limited", "Too many requests.", "Slow down: wait for the number of seconds in Retry-After.");
        };
    });
}
