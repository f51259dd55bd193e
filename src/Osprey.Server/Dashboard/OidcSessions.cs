using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Dashboard;

/// <summary>
/// Turns a person the OIDC provider vouched for into a dashboard session. Each (provider,
/// subject, organisation) has one key row of its own, prefix <c>oidc_…</c>, whose secret is
/// random and never shown: it cannot be used as an API key, but it carries the role and grant,
/// is listed with the organisation's keys, and revoking it ends the person's sessions and refuses
/// their sign-ins, exactly as for a key. Every sign-in and refusal is audited; a role changed by
/// the operator's mapping is audited as a role change.
/// </summary>
internal sealed class OidcSessions(ServerRuntime runtime, AuditLog audit)
{
    /// <summary>Prefix of the key rows that stand for OIDC identities.</summary>
    public const string Prefix = "oidc_";

    /// <summary>Session claim holding the matched mapping (<see cref="OidcClaimMatch.Key"/>).</summary>
    public const string MappingClaim = "osprey:oidc-mapping";

    /// <summary>The session identity, or why the person is refused (a sentence to show them).</summary>
    public async Task<(ClaimsIdentity? Identity, string? Refusal)> SignInAsync(ClaimsPrincipal person, OidcSignInOptions options, HttpContext http, CancellationToken cancellationToken)
    {
        var issuer = person.FindFirst("iss")?.Value ?? options.Authority;
        var subject = person.FindFirst("sub")?.Value;
        var shown = person.FindFirst("email")?.Value ?? subject ?? "(no subject)";
        var client = ClientIdentity.Of(http).Address;
        var mapping = subject is null ? null : OidcClaimMatch.Find(person, options);
        if (mapping is null)
        {
            return await RefuseAsync(null, shown, issuer, "no-mapping", client, cancellationToken,
                $"The account {shown} is not mapped to any organisation on this server. Ask the operator to map it (by e-mail address or group) before signing in.");
        }

        await using var db = runtime.CreateDb();
        var org = mapping.OrganisationId is { } orgId
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, cancellationToken)
            : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.IsOperator, cancellationToken);
        if (org is null || org.Status != OrganisationStatus.Active)
        {
            return await RefuseAsync(org?.Id, shown, issuer, "organisation-not-active", client, cancellationToken,
                $"The organisation {shown} is mapped to is {org?.Status.ToString().ToLowerInvariant() ?? "unknown"}; nothing of it works until an operator activates it.");
        }

        var role = Enum.Parse<ApiKeyRole>(mapping.Role.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        var prefix = PrefixOf(issuer, subject!, org.Id);
        var row = await db.ApiKeys.FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (row is null)
        {
            row = new ApiKeyEntity
            {
                Id = Guid.NewGuid(),
                OrganisationId = org.Id,
                Prefix = prefix,
                Hash = RandomNumberGenerator.GetBytes(32),
                Name = ("OIDC " + shown)[..Math.Min(200, 5 + shown.Length)],
                Role = role,
                ExploitCleared = mapping.ExploitCleared,
                CreatedAt = runtime.Now,
            };
            db.ApiKeys.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent(AuditKinds.KeyCreated, null, org.Id, prefix, client)
            {
                Details = new Dictionary<string, string> { ["role"] = mapping.Role, ["by"] = "oidc", ["subject"] = shown, ["exploitCleared"] = mapping.ExploitCleared ? "true" : "false" },
            }, cancellationToken);
        }
        else if (row.RevokedAt is not null)
        {
            return await RefuseAsync(org.Id, shown, issuer, "identity-revoked", client, cancellationToken,
                $"Dashboard access for {shown} was revoked by the organisation's admin; ask them to restore it.");
        }
        else if (row.Role != role || row.ExploitCleared != mapping.ExploitCleared)
        {
            var before = $"{row.Role}{(row.ExploitCleared ? "+exploit-cleared" : "")}";
            row.Role = role;
            row.ExploitCleared = mapping.ExploitCleared;
            await db.SaveChangesAsync(cancellationToken);
            await audit.AppendAsync(new AuditEvent(AuditKinds.KeyRoleChanged, null, org.Id, prefix, client)
            {
                Details = new Dictionary<string, string> { ["from"] = before, ["to"] = $"{role}{(mapping.ExploitCleared ? "+exploit-cleared" : "")}", ["by"] = "oidc mapping" },
            }, cancellationToken);
        }

        await db.ApiKeys.Where(k => k.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, runtime.Now), cancellationToken);
        var identity = Caller.ToIdentity(row, org, CookieAuthenticationDefaults.AuthenticationScheme);
        identity.RemoveClaim(identity.FindFirst(ClaimTypes.Name));
        identity.AddClaim(new Claim(ClaimTypes.Name, shown));
        identity.AddClaim(new Claim(MappingClaim, OidcClaimMatch.Key(mapping)));
        await audit.AppendAsync(new AuditEvent(AuditKinds.DashboardSignIn, row.Id, org.Id, shown, client)
        {
            Details = new Dictionary<string, string> { ["method"] = "oidc", ["issuer"] = issuer, ["subject"] = subject!, ["role"] = mapping.Role },
        }, cancellationToken);
        return (identity, null);
    }

    /// <summary>Audits a sign-in the provider could not complete (state mismatch, provider error, bad token).</summary>
    public Task AuditFailureAsync(string reason, HttpContext http, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEvent(AuditKinds.DashboardSignInRefused, null, null, null, ClientIdentity.Of(http).Address)
        {
            Details = new Dictionary<string, string> { ["method"] = "oidc", ["reason"] = reason.Length > 300 ? reason[..300] : reason },
        }, cancellationToken);

    private async Task<(ClaimsIdentity?, string?)> RefuseAsync(Guid? organisationId, string shown, string issuer, string reason, string? client, CancellationToken cancellationToken, string message)
    {
        await audit.AppendAsync(new AuditEvent(AuditKinds.DashboardSignInRefused, null, organisationId, shown, client)
        {
            Details = new Dictionary<string, string> { ["method"] = "oidc", ["issuer"] = issuer, ["reason"] = reason },
        }, cancellationToken);
        return (null, message);
    }

    /// <summary>The row's prefix: stable per (issuer, subject, organisation), and a hash, so that key listings do not show the subject.</summary>
    private static string PrefixOf(string issuer, string subject, Guid organisationId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer}\n{subject}\n{organisationId:N}")))[..16];
}
