using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Osprey.Server.Audit;
using Osprey.Server.Keys;
using Osprey.Server.Storage;

namespace Osprey.Server.Hosting;

/// <summary>Creates the operators' organisation and operator keys.</summary>
internal static class OperatorBootstrap
{
    public static async Task<string?> CreateFirstKeyIfNoneAsync(ServerRuntime runtime, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var db = runtime.CreateDb())
        {
            if (await db.ApiKeys.AnyAsync(k => k.Role == ApiKeyRole.Operator && k.RevokedAt == null, cancellationToken)) return null;
        }

        return await CreateKeyAsync(runtime, services.GetRequiredService<AuditLog>(), "first operator key", cancellationToken);
    }

    public static async Task<string> CreateKeyAsync(ServerRuntime runtime, AuditLog audit, string name, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDb();
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.IsOperator, cancellationToken);
        if (org is null)
        {
            org = new OrganisationEntity
            {
                Id = Guid.NewGuid(),
                Name = "Osprey operators",
                ContactEmail = "operators@localhost",
                Purpose = "Runs this service.",
                Status = OrganisationStatus.Active,
                IsOperator = true,
                AppliedAt = runtime.Now,
                VettedAt = runtime.Now,
                VettedBy = "bootstrap",
                VettingEvidence = "created by the server bootstrap",
                RequestsPerMinute = 6000,
                MaxArchiveBytes = 1,
            };
            db.Organisations.Add(org);
        }

        var (row, key) = new KeyIssuer(runtime).Issue(org.Id, name, ApiKeyRole.Operator, exploitCleared: false, lifetime: null, createdBy: null);
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await audit.AppendAsync(new AuditEvent(AuditKinds.KeyCreated, null, org.Id, row.Prefix) { Details = new Dictionary<string, string> { ["role"] = "operator", ["by"] = "bootstrap" } }, cancellationToken);
        return key;
    }
}
