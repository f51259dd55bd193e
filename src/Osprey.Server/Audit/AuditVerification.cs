using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Storage;

namespace Osprey.Server.Audit;

/// <summary>
/// Checks the whole log. Each record is checked on its own against its signed entry promise, so
/// a change is pinned to the exact record: content changed → modified; an entry whose own
/// sequence number differs from its position → reordered; a gap (or a tail shorter than the
/// latest checkpoint) → removed. Then every checkpoint's signature and root are checked against
/// the tree rebuilt from the records, and consecutive checkpoints against a consistency proof.
/// </summary>
internal static class AuditVerification
{
    public static async Task<AuditVerificationReport> RunAsync(OspreyDbContext db, ECDsa key, CancellationToken cancellationToken)
    {
        var records = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.TreeSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<AuditProblem>();
        var leaves = new List<byte[]>(records.Count);
        long expected = 0;
        foreach (var record in records)
        {
            for (; expected < record.Sequence; expected++)
            {
                problems.Add(new AuditProblem(expected, AuditProblemKind.Removed, "record is missing from the log"));
            }

            var leaf = AuditEntryCodec.LeafHashOf(record.Entry);
            leaves.Add(leaf);
            CheckRecord(record, leaf, key, problems);
            expected = record.Sequence + 1;
        }

        var latest = checkpoints.Count == 0 ? 0 : checkpoints[^1].TreeSize;
        for (; expected < latest; expected++)
        {
            problems.Add(new AuditProblem(expected, AuditProblemKind.Removed, $"record is missing: checkpoint {latest} covers it"));
        }

        var positionsIntact = problems.Count == 0;
        AuditCheckpointEntity? previous = null;
        foreach (var checkpoint in checkpoints)
        {
            if (!AuditEntryCodec.VerifyCheckpoint(key, checkpoint))
            {
                problems.Add(new AuditProblem(checkpoint.TreeSize, AuditProblemKind.CheckpointMismatch, "checkpoint signature is invalid"));
            }
            else if (positionsIntact && checkpoint.TreeSize <= leaves.Count)
            {
                var root = Convert.ToHexStringLower(MerkleTree.Root(leaves, 0, (int)checkpoint.TreeSize));
                if (root != checkpoint.RootHash)
                {
                    problems.Add(new AuditProblem(checkpoint.TreeSize, AuditProblemKind.CheckpointMismatch, "signed root does not match the records"));
                }
                else if (previous is not null && !MerkleTree.VerifyConsistency(previous.TreeSize, checkpoint.TreeSize,
                    Convert.FromHexString(previous.RootHash), Convert.FromHexString(checkpoint.RootHash),
                    MerkleTree.ConsistencyProof(leaves, (int)previous.TreeSize, (int)checkpoint.TreeSize)))
                {
                    problems.Add(new AuditProblem(checkpoint.TreeSize, AuditProblemKind.CheckpointMismatch, $"not consistent with checkpoint {previous.TreeSize}"));
                }

                previous = checkpoint;
            }
        }

        return new AuditVerificationReport
        {
            RecordCount = records.Count,
            CheckpointCount = checkpoints.Count,
            RootHash = Convert.ToHexStringLower(MerkleTree.Root(leaves)),
            Problems = [.. problems.OrderBy(p => p.Sequence).ThenBy(p => p.Kind)],
        };
    }

    private static void CheckRecord(AuditRecordEntity record, byte[] leaf, ECDsa key, List<AuditProblem> problems)
    {
        var leafHex = Convert.ToHexStringLower(leaf);
        if (AuditEntryCodec.Decode(record.Entry) is not { } entry)
        {
            problems.Add(new AuditProblem(record.Sequence, AuditProblemKind.Modified, "entry is not valid JSON"));
            return;
        }

        if (!AuditEntryCodec.VerifyEntry(key, entry.Sequence, leafHex, record.Signature))
        {
            problems.Add(new AuditProblem(record.Sequence, AuditProblemKind.Modified, "entry content does not match its signature"));
            return;
        }

        if (entry.Sequence != record.Sequence)
        {
            problems.Add(new AuditProblem(record.Sequence, AuditProblemKind.Reordered, $"position {record.Sequence} holds record {entry.Sequence}"));
            return;
        }

        if (record.LeafHash != leafHex || record.Kind != entry.Kind || record.RecordedAt.ToUnixTimeMilliseconds() != entry.AtMs
            || record.ActorKeyId?.ToString() != entry.Actor || record.OrganisationId?.ToString() != entry.Org)
        {
            problems.Add(new AuditProblem(record.Sequence, AuditProblemKind.Modified, "indexed columns differ from the signed entry"));
        }
    }
}
