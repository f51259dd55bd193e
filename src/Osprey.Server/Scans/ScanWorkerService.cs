using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Osprey.Server.Audit;
using Osprey.Server.Hosting;
using Osprey.Server.Storage;
using Osprey.Server.Usage;

namespace Osprey.Server.Scans;

/// <summary>Runs <see cref="ServerOptions.Workers"/> loops that claim jobs from the queue and run them, then hand third-party findings to disclosure intake.</summary>
internal sealed partial class ScanWorkerService(ServerRuntime runtime, IScanQueue queue, IScanWorker worker, AuditLog audit, UsageRecorder usage,
    Disclosure.DisclosureIntake disclosure, ILogger<ScanWorkerService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, runtime.Options.Workers).Select(i => LoopAsync($"{Environment.MachineName}/{Environment.ProcessId}/{i}", stoppingToken)));

    private async Task LoopAsync(string workerId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedScan? scan = null;
            try
            {
                scan = await queue.ClaimAsync(workerId, stoppingToken);
                if (scan is null)
                {
                    await queue.WaitForWorkAsync(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }

                var clock = Stopwatch.StartNew();
                var outcome = await worker.RunAsync(scan, stoppingToken);
                await queue.CompleteAsync(scan, outcome, CancellationToken.None);
                LogFinished(scan.Job.Id, outcome.FailureReason ?? "succeeded", outcome.Findings.Count);
                usage.Record(new UsageRecordEntity
                {
                    At = runtime.Now,
                    Kind = "scan",
                    KeyId = scan.Job.SubmittedByKeyId,
                    OrganisationId = scan.Job.OrganisationId,
                    Method = "SCAN",
                    Endpoint = "scan",
                    ResourceId = scan.Job.Id.ToString(),
                    StatusCode = outcome.FailureReason is null ? 200 : 500,
                    RequestBytes = scan.Job.ArchiveBytes,
                    ResponseBytes = outcome.Findings.Count,
                    DurationMs = clock.Elapsed.TotalMilliseconds,
                });
                await audit.AppendAsync(new AuditEvent(AuditKinds.ScanFinished, scan.Job.SubmittedByKeyId, scan.Job.OrganisationId, scan.Job.Id.ToString())
                {
                    Details = new Dictionary<string, string> { ["outcome"] = outcome.FailureReason ?? "succeeded", ["findings"] = outcome.Findings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }, CancellationToken.None);
                // Findings in a third-party asset open disclosure cases; a case missed by a crash here is opened by the asset's next scan.
                if (outcome.FailureReason is null) await disclosure.OpenCasesAsync(scan.Job, scan.Asset, outcome.Findings, CancellationToken.None);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (scan is not null) await queue.ReleaseAsync(scan, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogWorkerError(ex, workerId);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Scan {ScanId} finished: {Outcome}, {Findings} findings")]
    private partial void LogFinished(Guid scanId, string outcome, int findings);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Scan worker {WorkerId} failed; retrying")]
    private partial void LogWorkerError(Exception ex, string workerId);
}
