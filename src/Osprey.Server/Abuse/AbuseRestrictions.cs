using Microsoft.EntityFrameworkCore;
using Osprey.Server.Hosting;

namespace Osprey.Server.Abuse;

/// <summary>
/// The restrictions in force, from the open and operator-confirmed review cases: per key and per
/// organisation the strongest level. Read on every request, so kept in memory; refreshed when this
/// process changes a case and at least every <see cref="MaxAge"/> otherwise (another process may
/// have decided).
/// </summary>
internal sealed class AbuseRestrictions(ServerRuntime runtime)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;
    private volatile bool _stale = true;

    public void Invalidate() => _stale = true;

    /// <summary>The strongest restricting level (throttle, require-review, suspend) for the key or its organisation, or null.</summary>
    public async ValueTask<string?> LevelForAsync(Guid keyId, Guid organisationId, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || _stale || Environment.TickCount64 - snapshot.LoadedAt > MaxAge.TotalMilliseconds) snapshot = await LoadAsync(cancellationToken);
        var key = snapshot.Levels.GetValueOrDefault("key:" + keyId);
        var org = snapshot.Levels.GetValueOrDefault("organisation:" + organisationId);
        if (key is null) return org;
        if (org is null) return key;
        return AbuseLevels.Rank(key) >= AbuseLevels.Rank(org) ? key : org;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && !_stale && Environment.TickCount64 - fresh.LoadedAt <= MaxAge.TotalMilliseconds) return fresh;
            _stale = false;
            await using var db = runtime.CreateDb();
            var cases = await db.AbuseCases.AsNoTracking().Where(c => (c.Status == "open" && c.Level != AbuseLevels.Alert) || c.Status == "suspended")
                .Select(c => new { c.SubjectKind, c.SubjectId, c.Level, c.Status }).ToListAsync(cancellationToken);
            var levels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var c in cases)
            {
                var level = c.Status == "suspended" ? AbuseLevels.Suspend : c.Level;
                var id = c.SubjectKind + ":" + c.SubjectId;
                if (!levels.TryGetValue(id, out var existing) || AbuseLevels.Rank(level) > AbuseLevels.Rank(existing)) levels[id] = level;
            }

            var snapshot = new Snapshot(levels, Environment.TickCount64);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(Dictionary<string, string> Levels, long LoadedAt);
}
