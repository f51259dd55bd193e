using Osprey.Server.Storage;

namespace Osprey.Server.Hosting;

/// <summary>The per-instance essentials every service shares: options, database, secrets, clock.</summary>
internal sealed class ServerRuntime : IDisposable
{
    public ServerRuntime(ServerOptions options)
    {
        Options = options;
        Directory.CreateDirectory(options.DataDirectory);
        Database = new DatabaseSetup(options.Database, options.DataDirectory);
        Secrets = ServerSecrets.Load(options.DataDirectory);
    }

    public ServerOptions Options { get; }

    public DatabaseSetup Database { get; }

    public ServerSecrets Secrets { get; }

    public TimeProvider Time => Options.TimeProvider;

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public OspreyDbContext CreateDb() => Database.Create();

    public void Dispose() => Secrets.Dispose();
}
