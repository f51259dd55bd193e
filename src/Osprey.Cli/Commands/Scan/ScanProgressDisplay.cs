using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Spectre.Console;

namespace Osprey.Cli.Commands.Scan;

/// <summary>A live status line for people watching a scan on a terminal: phase, engine, files, findings.</summary>
internal static class ScanProgressDisplay
{
    public static async Task<ScanReport> RunAsync(IAnsiConsole console, Func<IProgress<ScanProgress>, Task<ScanReport>> scan)
    {
        ScanReport? report = null;
        await console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync("Starting scan…", async status =>
            {
                var progress = new StatusProgress(status);
                report = await scan(progress).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return report!;
    }

    // Progress arrives from engine threads; Spectre redraws on its own timer, so only the text is set here.
    private sealed class StatusProgress(StatusContext status) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            var engine = value.Engine is null ? "" : $" · {Markup.Escape(value.Engine)}";
            var message = value.Message is null ? "" : $" · {Markup.Escape(value.Message)}";
            status.Status($"[bold]{value.Phase}[/]{engine}{message} · {value.Files} files · {value.Findings} findings");
        }
    }
}
