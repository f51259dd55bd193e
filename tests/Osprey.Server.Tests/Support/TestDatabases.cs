using Npgsql;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// The databases tests run against: SQLite always; PostgreSQL when <c>OSPREY_TEST_POSTGRES</c>
/// holds a connection string to a role that may create databases. Each server gets a fresh database.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "OSPREY_TEST_POSTGRES";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresConnectionString is not null) data.Add("postgres");
            return data;
        }
    }

    /// <summary>Creates a fresh PostgreSQL database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "osprey_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                // An autovacuum worker (owned by the superuser) on the database cannot be terminated by
                // the test role; it finishes within moments, so wait and drop again.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
        }
    }
}
