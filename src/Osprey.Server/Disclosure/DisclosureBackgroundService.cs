using Microsoft.Extensions.Hosting;

namespace Osprey.Server.Disclosure;

/// <summary>Runs <see cref="DisclosureRunner.RunOnceAsync"/> every <paramref name="interval"/> on the injected clock.</summary>
internal sealed class DisclosureBackgroundService(DisclosureRunner runner, TimeProvider time, TimeSpan interval) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await runner.RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
