using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;

namespace Osprey.Server.Audit;

/// <summary>
/// Appends events to the tamper-evident log. Appends are serialised in this process; the
/// sequence's primary key makes a second writer fail and retry rather than fork the log. The
/// frontier (the roots of the perfect subtrees) is kept in memory so a checkpoint costs
/// O(log n), and is rebuilt from the database whenever another writer got there first.
/// </summary>
internal sealed class AuditLog(ServerRuntime runtime)
{
    /// <summary>A checkpoint is signed after every this many records.</summary>
    public const int CheckpointInterval = 32;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<(long Size, byte[] Hash)> _frontier = [];
    private long _size = -1;

    public async Task<long> AppendAsync(AuditEvent e, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await using var db = runtime.CreateDb();
                var next = (await db.AuditRecords.MaxAsync(r => (long?)r.Sequence, cancellationToken).ConfigureAwait(false) ?? -1) + 1;
                if (next != _size)
                {
                    await RebuildFrontierAsync(db, cancellationToken).ConfigureAwait(false);
                }

                var at = runtime.Now;
                var entry = AuditEntryCodec.Encode(next, at, e);
                var leaf = AuditEntryCodec.LeafHashOf(entry);
                var leafHex = Convert.ToHexStringLower(leaf);
                db.AuditRecords.Add(new AuditRecordEntity
                {
                    Sequence = next,
                    RecordedAt = at,
                    Kind = e.Kind,
                    ActorKeyId = e.ActorKeyId,
                    OrganisationId = e.OrganisationId,
                    Entry = entry,
                    LeafHash = leafHex,
                    Signature = AuditEntryCodec.SignEntry(runtime.Secrets.SigningKey, next, leafHex),
                });
                try
                {
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException) when (attempt < 5)
                {
                    _size = -1;
                    continue;
                }

                Push(leaf);
                if (_size % CheckpointInterval == 0)
                {
                    await SaveCheckpointAsync(db, cancellationToken).ConfigureAwait(false);
                }

                return next;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Signs a checkpoint for the current tree size (if there is none yet) and returns it.</summary>
    public async Task<AuditCheckpointEntity> CheckpointAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = runtime.CreateDb();
            await RebuildFrontierAsync(db, cancellationToken).ConfigureAwait(false);
            return await db.AuditCheckpoints.FindAsync([_size], cancellationToken).ConfigureAwait(false)
                ?? await SaveCheckpointAsync(db, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AuditCheckpointEntity> SaveCheckpointAsync(OspreyDbContext db, CancellationToken cancellationToken)
    {
        var root = Convert.ToHexStringLower(Root());
        var at = runtime.Now;
        var checkpoint = new AuditCheckpointEntity
        {
            TreeSize = _size,
            RootHash = root,
            CreatedAt = at,
            Signature = AuditEntryCodec.SignCheckpoint(runtime.Secrets.SigningKey, _size, root, at),
        };
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return checkpoint;
    }

    private async Task RebuildFrontierAsync(OspreyDbContext db, CancellationToken cancellationToken)
    {
        _frontier.Clear();
        _size = 0;
        var leaves = await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).Select(r => r.LeafHash).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var leaf in leaves)
        {
            Push(Convert.FromHexString(leaf));
        }
    }

    private void Push(byte[] leaf)
    {
        _frontier.Add((1, leaf));
        while (_frontier.Count >= 2 && _frontier[^1].Size == _frontier[^2].Size)
        {
            var right = _frontier[^1];
            var left = _frontier[^2];
            _frontier.RemoveRange(_frontier.Count - 2, 2);
            _frontier.Add((left.Size * 2, MerkleTree.NodeHash(left.Hash, right.Hash)));
        }

        _size++;
    }

    private byte[] Root()
    {
        if (_frontier.Count == 0) return MerkleTree.EmptyRoot;
        var root = _frontier[^1].Hash;
        for (var i = _frontier.Count - 2; i >= 0; i--)
        {
            root = MerkleTree.NodeHash(_frontier[i].Hash, root);
        }

        return root;
    }
}
