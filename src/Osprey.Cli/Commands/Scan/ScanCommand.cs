using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Scan;

/// <summary><c>osprey scan &lt;path&gt;</c>: runs the pipeline and writes the reports.</summary>
internal sealed class ScanCommand(CliEnvironment environment, OspreyServices services) : AsyncCommand<ScanSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ScanSettings settings, CancellationToken cancellationToken)
    {
        if (TargetPreflight.Check(settings.Path, out var target) is { } problem)
        {
            return Fail(problem.ExitCode, problem.Message);
        }

        var baseline = LoadBaseline(settings);
        if (baseline.Error is not null)
        {
            return Fail(ExitCodes.UsageError, baseline.Error);
        }

        ScanReport report;
        try
        {
            var pipeline = services.CreatePipeline();
            var options = ScanOptionsBuilder.Build(settings);
            report = environment.OutputIsTerminal && !settings.NoProgress
                ? await ScanProgressDisplay.RunAsync(environment.Terminal, progress => pipeline.RunAsync(target!, options, progress, cancellationToken)).ConfigureAwait(false)
                : await pipeline.RunAsync(target!, options, null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Cancelled, "scan cancelled.");
        }
        catch (ArgumentException ex)
        {
            return Fail(ExitCodes.UsageError, ex.Message);
        }

        if (report.FileCount == 0)
        {
            return Fail(ExitCodes.ScanFailed, $"nothing to scan: no files under '{settings.Path}' (after --include/--exclude).");
        }

        report = baseline.Fingerprints is { } known ? BaselineFilter.Apply(report, known) : report;
        await ReportWriter.WriteAsync(report, settings, environment, cancellationToken).ConfigureAwait(false);
        WriteDiagnostics(report);
        var exitCode = ScanOutcome.ExitCode(report, settings);
        if (exitCode == ExitCodes.ScanFailed)
        {
            environment.StandardError.WriteLine("osprey: every engine failed; see the errors above.");
        }

        return exitCode;
    }

    private (IReadOnlySet<string>? Fingerprints, string? Error) LoadBaseline(ScanSettings settings)
    {
        if (settings.Baseline is null)
        {
            return (null, null);
        }

        try
        {
            return (Renderers.LoadBaseline(settings.Baseline), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException || Renderers.IsBaselineFormatError(ex))
        {
            return (null, $"cannot read the baseline '{settings.Baseline}': {ex.Message}");
        }
    }

    // Problems with the scan itself go to stderr, so that stdout carries only the report.
    private void WriteDiagnostics(ScanReport report)
    {
        foreach (var diagnostic in report.Diagnostics.Where(d => d.Level >= DiagnosticLevel.Warning))
        {
            var where = diagnostic.FilePath is null ? "" : $" [{diagnostic.FilePath}]";
            environment.StandardError.WriteLine($"osprey: {diagnostic.Level.ToString().ToLowerInvariant()}: {diagnostic.Message}{where}");
        }
    }

    private int Fail(int exitCode, string message)
    {
        environment.StandardError.WriteLine($"osprey: {message}");
        return exitCode;
    }
}
