using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Osprey.Server.Hosting;

namespace Osprey.Server.Usage;

/// <summary>Deletes usage records older than <see cref="ServerOptions.UsageRetention"/>, every <see cref="ServerOptions.UsagePurgeInterval"/> on the injected clock.</summary>
internal sealed class UsagePurgeService(ServerRuntime runtime) : BackgroundService
{
    public async Task<int> PurgeOnceAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = runtime.Now - runtime.Options.UsageRetention;
        await using var db = runtime.CreateDb();
        return await db.UsageRecords.Where(u => u.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(runtime.Options.UsagePurgeInterval, runtime.Time);
        try
        {
            do
            {
                await PurgeOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
