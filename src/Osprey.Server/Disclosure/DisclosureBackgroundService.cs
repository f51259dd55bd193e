using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Runs <see cref="DisclosureRunner.RunOnceAsync"/> every <paramref name="interval"/> on the injected
/// clock. A run that fails (the database is unreachable) is logged and tried again at the next
/// interval; it never stops the host.
/// </summary>
internal sealed partial class DisclosureBackgroundService(DisclosureRunner runner, TimeProvider time, TimeSpan interval, ILogger<DisclosureBackgroundService>? logger = null) : BackgroundService
{
    private readonly ILogger _logger = logger ?? NullLogger<DisclosureBackgroundService>.Instance;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up the host's start with the first run
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await runner.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "The disclosure run failed; it runs again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception ex);
}
