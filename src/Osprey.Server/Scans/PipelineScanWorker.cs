using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.Server.Hosting;
using Osprey.Server.Repositories;

namespace Osprey.Server.Scans;

/// <summary>
/// Runs a claimed job on the Core pipeline: extracts the archive (with the same hostile-input
/// checks as at submission), or fetches the asset's repository for a <c>git</c> job (through the
/// same checks), into a throw-away folder under the data folder, scans it, deletes it.
/// </summary>
internal sealed class PipelineScanWorker(ServerRuntime runtime, Func<ScanPipeline> pipelineFactory, RepositoryFetcher repositories) : IScanWorker
{
    public async Task<ScanOutcome> RunAsync(ClaimedScan scan, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(runtime.Options.DataDirectory, "work", $"{scan.Job.Id:N}-{scan.Job.Attempts}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        string? commit = null;
        try
        {
            if (scan.Job.ArchiveFormat == RepositoryFetcher.Format)
            {
                var fetched = await repositories.FetchAsync(scan.Asset?.RepositoryUrl, scan.Job.SourceRef, folder, cancellationToken);
                commit = fetched.Commit;
                if (fetched.FailureReason is { } reason) return ScanOutcome.Failed(reason) with { Commit = commit };
            }
            else
            {
                var (_, error) = ArchiveInspector.Inspect(scan.Archive, scan.Job.ArchiveFormat, ArchiveLimits.From(runtime.Options), folder);
                if (error is not null) return ScanOutcome.Failed($"{error.Code}: {error.Title}");
            }

            var target = ScanTarget.TryCreate(folder, out var problem) ?? throw new InvalidOperationException(problem);
            var options = ScanOptions.Default with
            {
                Threads = Math.Max(1, Environment.ProcessorCount / runtime.Options.Workers),
                ThreatModels = ScanThreatModels.Parse(scan.Job.ThreatModels),
            };
            var report = await pipelineFactory().RunAsync(target, options, progress: null, cancellationToken);
            return new ScanOutcome(report.Findings, report.FileCount, null) { Commit = commit };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ScanOutcome.Failed($"the scan failed: {ex.GetType().Name}: {ex.Message}") with { Commit = commit };
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the next start-up's clean-up of the work folder.
            }
        }
    }
}
