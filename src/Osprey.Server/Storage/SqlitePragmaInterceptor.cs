using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Osprey.Server.Storage;

/// <summary>
/// Puts every SQLite connection in WAL mode: readers do not block the writer, and a committed
/// transaction survives a killed process (the durability guarantee for accepted jobs), since the
/// WAL is written before commit returns. synchronous=NORMAL skips the fsync per commit; only an
/// operating-system crash or power loss can lose the last commits (use PostgreSQL for that).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static SqlitePragmaInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";
        command.ExecuteNonQuery();
    }
}
