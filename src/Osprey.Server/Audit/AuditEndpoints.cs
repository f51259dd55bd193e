using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Api;
using Osprey.Server.Hosting;
using Osprey.Server.Usage;

namespace Osprey.Server.Audit;

/// <summary>A record as served to the operator.</summary>
internal sealed record AuditRecordView(long Sequence, DateTimeOffset RecordedAt, string Kind, string Entry, string LeafHash, string Signature);

/// <summary>A signed checkpoint as served.</summary>
internal sealed record CheckpointView(long TreeSize, string RootHash, DateTimeOffset CreatedAt, string Signature, string SignedText);

/// <summary>A Merkle proof as served: hashes in hex.</summary>
internal sealed record ProofHashes(long First, long Second, string? LeafHash, string Root, IReadOnlyList<string> Path);

/// <summary>The operator's view of the audit log: records, checkpoints, proofs, verification, export.</summary>
internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/operator/audit").RequireAuthorization(AccessPolicies.Operator);
        audit.MapGet("/records", RecordsAsync).Produces<AuditRecordView[]>().WithSummary("Records from ?from= (default 0), ?limit= (default 200, at most 1000).");
        audit.MapGet("/checkpoints", CheckpointsAsync).Produces<CheckpointView[]>();
        audit.MapPost("/checkpoints", CreateCheckpointAsync).Produces<CheckpointView>().WithSummary("Signs a checkpoint for the current tree size.");
        audit.MapGet("/checkpoints/export", ExportAsync).Produces<string>(contentType: "text/plain").WithSummary("All checkpoints and the public key, for an outside witness.");
        audit.MapGet("/proofs/inclusion", InclusionAsync).Produces<ProofHashes>().WithSummary("RFC 9162 inclusion proof of ?index= in the tree of ?treeSize=.");
        audit.MapGet("/proofs/consistency", ConsistencyAsync).Produces<ProofHashes>().WithSummary("RFC 9162 consistency proof between ?first= and ?second=.");
        audit.MapPost("/verification", VerifyAsync).Produces<AuditVerificationReport>();
    }

    private static async Task<IResult> RecordsAsync(HttpContext http, ServerRuntime rt, long? from, int? limit)
    {
        if (limit is < 1 or > 1000 || from < 0) return ApiProblem.Result(400, "invalid-range", "from must be ≥ 0 and limit 1-1000.", "Page through the log in steps of at most 1000.");
        await using var db = rt.CreateDb();
        var start = from ?? 0;
        var records = await db.AuditRecords.AsNoTracking().Where(r => r.Sequence >= start).OrderBy(r => r.Sequence).Take(limit ?? 200).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(records.Select(r => new AuditRecordView(r.Sequence, r.RecordedAt, r.Kind, r.Entry, r.LeafHash, r.Signature)).ToArray());
    }

    private static async Task<IResult> CheckpointsAsync(HttpContext http, ServerRuntime rt)
    {
        await using var db = rt.CreateDb();
        var list = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(list.Select(View).ToArray());
    }

    private static async Task<IResult> CreateCheckpointAsync(AuditLog audit) => TypedResults.Ok(View(await audit.CheckpointAsync()));

    private static async Task<IResult> ExportAsync(HttpContext http, ServerRuntime rt, AuditLog audit)
    {
        var caller = Caller.From(http.User)!;
        await audit.CheckpointAsync(http.RequestAborted);
        await using var db = rt.CreateDb();
        var list = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(http.RequestAborted);
        await audit.AppendAsync(new AuditEvent(AuditKinds.AuditCheckpointExported, caller.KeyId, null, $"{list.Count} checkpoints", ClientIdentity.Of(http).Address));
        return TypedResults.Text(AuditCheckpointExport.Render(list, rt.Secrets.SigningKey), "text/plain");
    }

    private static async Task<IResult> InclusionAsync(HttpContext http, ServerRuntime rt, long index, long treeSize)
    {
        var leaves = await LeavesAsync(rt, http.RequestAborted);
        if (index < 0 || treeSize < 1 || index >= treeSize || treeSize > leaves.Count)
            return ApiProblem.Result(400, "invalid-proof-request", "index must be below treeSize, and treeSize at most the log size.", $"The log has {leaves.Count} records.");
        var path = MerkleTree.InclusionProof(leaves, (int)index, (int)treeSize);
        return TypedResults.Ok(new ProofHashes(index, treeSize, Convert.ToHexStringLower(leaves[(int)index]),
            Convert.ToHexStringLower(MerkleTree.Root(leaves, 0, (int)treeSize)), path.Select(Convert.ToHexStringLower).ToArray()));
    }

    private static async Task<IResult> ConsistencyAsync(HttpContext http, ServerRuntime rt, long first, long second)
    {
        var leaves = await LeavesAsync(rt, http.RequestAborted);
        if (first < 1 || first > second || second > leaves.Count)
            return ApiProblem.Result(400, "invalid-proof-request", "Need 1 ≤ first ≤ second ≤ log size.", $"The log has {leaves.Count} records.");
        var path = MerkleTree.ConsistencyProof(leaves, (int)first, (int)second);
        return TypedResults.Ok(new ProofHashes(first, second, null, Convert.ToHexStringLower(MerkleTree.Root(leaves, 0, (int)second)), path.Select(Convert.ToHexStringLower).ToArray()));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, ServerRuntime rt)
    {
        await using var db = rt.CreateDb();
        return TypedResults.Ok(await AuditVerification.RunAsync(db, rt.Secrets.SigningKey, http.RequestAborted));
    }

    private static async Task<List<byte[]>> LeavesAsync(ServerRuntime rt, CancellationToken cancellationToken)
    {
        await using var db = rt.CreateDb();
        var entries = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).Select(r => r.Entry).ToListAsync(cancellationToken);
        return entries.Select(AuditEntryCodec.LeafHashOf).ToList();
    }

    private static CheckpointView View(Storage.AuditCheckpointEntity c) =>
        new(c.TreeSize, c.RootHash, c.CreatedAt, c.Signature, AuditEntryCodec.CheckpointText(c.TreeSize, c.RootHash, c.CreatedAt));
}
