using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Osprey.Server.Hosting;

namespace Osprey.Server.Abuse;

/// <summary>What the last monitor run did, for the operator's status endpoint.</summary>
internal sealed record AbuseMonitorRun(DateTimeOffset At, int Assessments, int Actions, double Milliseconds, long Runs);

/// <summary>
/// Runs the abuse monitor on the server's clock: once at start, then every
/// <see cref="AbuseMonitoringOptions.Interval"/>. Ticks that pass while a run is busy collapse into
/// one, so a clock that jumps ahead costs one run, not one per missed interval.
/// </summary>
internal sealed partial class AbuseMonitorService(AbuseMonitor monitor, ServerRuntime runtime, ILogger<AbuseMonitorService> logger) : BackgroundService
{
    private long _runs;

    public AbuseMonitorRun? LastRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Options.Abuse.Interval is not { } interval) return;
        await Task.Yield(); // never hold up the host's start with the first run
        using var timer = new PeriodicTimer(interval, runtime.Time);
        do
        {
            var clock = Stopwatch.StartNew();
            var at = runtime.Now;
            try
            {
                var (assessments, actions) = await monitor.RunOnceAsync(stoppingToken);
                LastRun = new AbuseMonitorRun(at, assessments.Count, actions.Count, clock.Elapsed.TotalMilliseconds, Interlocked.Increment(ref _runs));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 8201, Level = LogLevel.Error, Message = "The abuse monitor run failed; it runs again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception ex);
}
