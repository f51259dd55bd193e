using System.Text;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;

namespace Osprey.Server.Audit;

/// <summary>
/// <c>osprey audit verify</c>: checks the whole audit log of a server's database with the signing
/// key from its data folder (or <c>OSPREY_AUDIT_SIGNING_KEY</c>), and exports checkpoints for an
/// outside witness.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies every record and checkpoint; the report names each modified, removed or reordered record.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static async Task<AuditVerificationReport> VerifyAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        using var runtime = OpenRuntime(options);
        await using var db = runtime.CreateDb();
        return await AuditVerification.RunAsync(db, runtime.Secrets.SigningKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns every signed checkpoint as text (one block per checkpoint: the signed statement,
    /// then <c>— sig:</c> and the base64 signature) followed by the public key in PEM, so that a
    /// witness can keep them and later detect a rewritten log.
    /// </summary>
    public static async Task<string> ExportCheckpointsAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        using var runtime = OpenRuntime(options);
        await using var db = runtime.CreateDb();
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return AuditCheckpointExport.Render(checkpoints, runtime.Secrets.SigningKey);
    }

    private static ServerRuntime OpenRuntime(ServerOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid server options: " + string.Join(" ", problems), nameof(options));
        }

        return new ServerRuntime(options);
    }
}

/// <summary>The witness export format.</summary>
internal static class AuditCheckpointExport
{
    public static string Render(IEnumerable<Storage.AuditCheckpointEntity> checkpoints, System.Security.Cryptography.ECDsa key)
    {
        var text = new StringBuilder();
        foreach (var c in checkpoints)
        {
            text.Append(AuditEntryCodec.CheckpointText(c.TreeSize, c.RootHash, c.CreatedAt));
            text.Append("— sig: ").AppendLine(c.Signature).AppendLine();
        }

        text.Append(key.ExportSubjectPublicKeyInfoPem()).AppendLine();
        return text.ToString();
    }
}
