using System.Text;

namespace Osprey.Server.Audit;

/// <summary>What is wrong with one audit record.</summary>
public enum AuditProblemKind
{
    /// <summary>The record's content no longer matches what the log signed.</summary>
    Modified = 0,
    /// <summary>The record is missing.</summary>
    Removed = 1,
    /// <summary>The record sits at another position than the one it was appended at.</summary>
    Reordered = 2,
    /// <summary>A checkpoint's signature is invalid or its root does not match the log.</summary>
    CheckpointMismatch = 3,
}

/// <summary>One problem found by <see cref="AuditVerifier"/>.</summary>
/// <param name="Sequence">The record's sequence number (its leaf index), or the checkpoint's tree size.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">One sentence for the operator.</param>
public sealed record AuditProblem(long Sequence, AuditProblemKind Kind, string Detail);

/// <summary>The result of checking the whole audit log.</summary>
public sealed record AuditVerificationReport
{
    /// <summary>Records present in the database.</summary>
    public required long RecordCount { get; init; }

    /// <summary>Signed checkpoints present in the database.</summary>
    public required int CheckpointCount { get; init; }

    /// <summary>The Merkle root over all records as they are now (lower-case hex).</summary>
    public required string RootHash { get; init; }

    /// <summary>Every problem, in sequence order; empty when the log is intact.</summary>
    public required IReadOnlyList<AuditProblem> Problems { get; init; }

    /// <summary>True when no record was modified, removed or reordered and every checkpoint matches.</summary>
    public bool IsIntact => Problems.Count == 0;

    /// <summary>Renders the report as text for the console.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine($"Audit log: {RecordCount} records, {CheckpointCount} signed checkpoints, root {RootHash}.");
        if (IsIntact)
        {
            text.AppendLine("Intact: every record matches its signed entry and every checkpoint matches the tree.");
            return text.ToString();
        }

        text.AppendLine($"TAMPERED: {Problems.Count} problem(s).");
        foreach (var p in Problems)
        {
            text.AppendLine($"  {p.Kind.ToString().ToLowerInvariant(),-19} #{p.Sequence}: {p.Detail}");
        }

        return text.ToString();
    }
}
