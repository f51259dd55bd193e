using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Keys;

/// <summary>
/// Checks a presented key: well-formed, known prefix, matching keyed hash (constant time), not
/// revoked, not expired, organisation active. Also notices a key used from a client it has not
/// been seen with before, which is an audited event.
/// </summary>
internal sealed class ApiKeyValidator(ServerRuntime runtime, AuditLog audit)
{
    private readonly ConcurrentDictionary<(Guid, string, string), bool> _knownClients = new();

    public async Task<(ClaimsIdentity? Identity, KeyFailure? Failure)> ValidateAsync(string key, HttpContext http, CancellationToken cancellationToken)
    {
        var unknown = new KeyFailure(401, "key-invalid", "The API key is not valid.", "Check that the whole key was copied; keys are shown only once, so ask for a new one if it is lost.");
        if (ApiKeySecret.PrefixOf(key) is not { } prefix)
        {
            return (null, unknown);
        }

        await using var db = runtime.CreateDb();
        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken).ConfigureAwait(false);
        if (row is null || !ApiKeySecret.Matches(runtime.Secrets.KeyHashSecret, key, row.Hash))
        {
            return (null, unknown);
        }

        var now = runtime.Now;
        KeyFailure? failure = null;
        if (row.RevokedAt is not null)
        {
            failure = new KeyFailure(401, "key-revoked", "The API key has been revoked.",
                row.ReplacedByKeyId is null ? "Ask your organisation's admin for a new key." : "The key was rotated: use its replacement.");
        }
        else if (row.ExpiresAt is { } expires && expires <= now)
        {
            failure = new KeyFailure(401, "key-expired", "The API key has expired.", "Ask your organisation's admin to rotate it.");
        }

        var org = failure is null ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == row.OrganisationId, cancellationToken).ConfigureAwait(false) : null;
        if (failure is null && org?.Status != OrganisationStatus.Active)
        {
            failure = new KeyFailure(403, "organisation-not-active", $"The organisation is {org?.Status.ToString().ToLowerInvariant() ?? "unknown"}.",
                "Nothing of an organisation works until an operator has vetted and activated it; contact the operator.");
        }

        var client = ClientIdentity.Of(http);
        if (failure is not null)
        {
            await audit.AppendAsync(new AuditEvent(AuditKinds.KeyRejected, row.Id, row.OrganisationId, row.Prefix, client.Address)
            {
                Details = new Dictionary<string, string> { ["reason"] = failure.Code },
            }, cancellationToken).ConfigureAwait(false);
            return (null, failure);
        }

        await NoteClientAsync(db, row, client, now, cancellationToken).ConfigureAwait(false);
        return (Caller.ToIdentity(row, org!, ApiKeyAuthenticationHandler.SchemeName), null);
    }

    private async Task NoteClientAsync(OspreyDbContext db, ApiKeyEntity key, ClientIdentity client, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = (key.Id, client.Fingerprint, client.Address ?? "");
        if (_knownClients.ContainsKey(id))
        {
            return;
        }

        var seen = await db.KeyClients.AnyAsync(c => c.KeyId == key.Id && c.ClientFingerprint == id.Item2 && c.ClientAddress == id.Item3, cancellationToken).ConfigureAwait(false);
        if (!seen)
        {
            db.KeyClients.Add(new KeyClientEntity { KeyId = key.Id, ClientFingerprint = id.Item2, ClientAddress = id.Item3, FirstSeenAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(new AuditEvent(AuditKinds.KeyNewClient, key.Id, key.OrganisationId, key.Prefix, client.Address)
                {
                    Details = new Dictionary<string, string> { ["fingerprint"] = client.Fingerprint, ["userAgent"] = client.UserAgent },
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // A concurrent request from the same new client recorded (and audited) it first.
            }
        }

        _knownClients.TryAdd(id, true);
    }
}
