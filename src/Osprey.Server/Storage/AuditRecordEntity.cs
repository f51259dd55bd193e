namespace Osprey.Server.Storage;

/// <summary>
/// One leaf of the audit log. <see cref="Entry"/> is the canonical JSON that is hashed into the
/// Merkle tree (it includes the sequence number, so a moved row is recognisable); the other
/// columns repeat parts of it for queries and are checked against it by the verifier.
/// </summary>
internal sealed class AuditRecordEntity
{
    public long Sequence { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string Kind { get; set; }
    public Guid? ActorKeyId { get; set; }
    public Guid? OrganisationId { get; set; }
    public required string Entry { get; set; }

    /// <summary>RFC 9162 leaf hash of <see cref="Entry"/>, lower-case hex.</summary>
    public required string LeafHash { get; set; }

    /// <summary>The log's signature over (sequence, leaf hash): a per-entry promise like a CT SCT.</summary>
    public required string Signature { get; set; }
}

/// <summary>A signed tree head: the Merkle root over the first <see cref="TreeSize"/> records.</summary>
internal sealed class AuditCheckpointEntity
{
    public long TreeSize { get; set; }
    public required string RootHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Signature { get; set; }
}
