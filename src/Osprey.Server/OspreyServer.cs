using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Osprey.Core.Pipeline;
using Osprey.Server.Hosting;
using Osprey.Server.Scans;

namespace Osprey.Server;

/// <summary>
/// The gated Osprey service, for <c>osprey serve</c>. <see cref="Build"/> gives a ready
/// application (database migrated, interrupted scans recovered); <see cref="RunAsync"/> runs it
/// until cancelled, creating and printing the first operator key on a fresh database.
/// </summary>
public static class OspreyServer
{
    /// <summary>
    /// Builds the server: migrates the database, recovers scans a crash interrupted, and wires
    /// the API (<c>/api/v1</c>), the OpenAPI document (<c>/openapi/v1.json</c>) and the dashboard
    /// (<c>/dashboard</c>). <paramref name="pipelineFactory"/> makes one pipeline per scan.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public static WebApplication Build(ServerOptions options, Func<ScanPipeline> pipelineFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipelineFactory);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid server options: " + string.Join(" ", problems), nameof(options));
        }

        var runtime = new ServerRuntime(options);
        runtime.Database.Migrate();
        ScanRecovery.RunAsync(runtime, CancellationToken.None).GetAwaiter().GetResult();
        var work = Path.Combine(options.DataDirectory, "work");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.DataDirectory, EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1L << 30);
        ServerComposition.AddServices(builder.Services, runtime, pipelineFactory);
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(runtime.Dispose);
        ServerComposition.UsePipeline(app);
        return app;
    }

    /// <summary>
    /// Runs the server until <paramref name="cancellationToken"/> is cancelled. Writes the data
    /// folder, database and URL to <see cref="ServerOptions.Output"/>; on a database without
    /// operator keys, creates the first one and writes it there (it is shown only this once).
    /// </summary>
    public static async Task RunAsync(ServerOptions options, Func<ScanPipeline> pipelineFactory, CancellationToken cancellationToken)
    {
        await using var app = Build(options, pipelineFactory);
        var output = options.Output;
        var firstKey = await OperatorBootstrap.CreateFirstKeyIfNoneAsync(app.Services.GetRequiredService<ServerRuntime>(), app.Services, cancellationToken);
        await app.StartAsync(cancellationToken);
        var runtime = app.Services.GetRequiredService<ServerRuntime>();
        await output.WriteLineAsync($"Osprey server: data folder {Path.GetFullPath(options.DataDirectory)}");
        await output.WriteLineAsync($"Database: {runtime.Database.Description}");
        await output.WriteLineAsync($"Listening on {string.Join(", ", app.Urls)} (dashboard at /dashboard, API at /api/v1, OpenAPI at /openapi/v1.json)");
        if (firstKey is not null)
        {
            await output.WriteLineAsync("First operator key (shown once; store it now):");
            await output.WriteLineAsync("  " + firstKey);
        }
        else
        {
            await output.WriteLineAsync("Operator keys exist. Create another with OspreyServer.CreateOperatorKeyAsync (osprey serve --create-operator-key).");
        }

        await output.FlushAsync(cancellationToken);
        try
        {
            await app.WaitForShutdownAsync(cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Creates an operator key in the server's database (creating the operators' organisation on
    /// first use) and returns the key. The key is not stored, only its keyed hash: show it once.
    /// </summary>
    public static async Task<string> CreateOperatorKeyAsync(ServerOptions options, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var runtime = new ServerRuntime(options);
        runtime.Database.Migrate();
        return await OperatorBootstrap.CreateKeyAsync(runtime, new Audit.AuditLog(runtime), name, cancellationToken);
    }
}
