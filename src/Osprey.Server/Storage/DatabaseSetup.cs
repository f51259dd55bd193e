using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Osprey.Server.Storage;

/// <summary>Chooses the provider from the options and creates contexts for it.</summary>
internal sealed class DatabaseSetup
{
    private readonly DbContextOptions _options;
    private readonly bool _postgres;

    public DatabaseSetup(string? postgresConnectionString, string dataDirectory)
    {
        _postgres = !string.IsNullOrWhiteSpace(postgresConnectionString);
        if (_postgres)
        {
            _options = new DbContextOptionsBuilder<PostgresOspreyDbContext>().UseNpgsql(postgresConnectionString).Options;
            Description = "PostgreSQL";
        }
        else
        {
            var path = Path.Combine(dataDirectory, "osprey.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 60 }.ToString();
            _options = new DbContextOptionsBuilder<SqliteOspreyDbContext>()
                .UseSqlite(connection)
                .AddInterceptors(SqlitePragmaInterceptor.Instance)
                .Options;
            Description = "SQLite " + path;
        }
    }

    /// <summary>"SQLite /path/osprey.db" or "PostgreSQL", for the start-up banner.</summary>
    public string Description { get; }

    public bool IsPostgres => _postgres;

    public OspreyDbContext Create() => _postgres
        ? new PostgresOspreyDbContext((DbContextOptions<PostgresOspreyDbContext>)_options)
        : new SqliteOspreyDbContext((DbContextOptions<SqliteOspreyDbContext>)_options);

    /// <summary>Applies pending migrations.</summary>
    public void Migrate()
    {
        using var db = Create();
        db.Database.Migrate();
    }
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context SqliteOspreyDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOspreyDbContext>
{
    public SqliteOspreyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOspreyDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Design-time factory for <c>dotnet ef migrations add … --context PostgresOspreyDbContext</c>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOspreyDbContext>
{
    public PostgresOspreyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOspreyDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
