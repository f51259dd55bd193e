using Osprey.Core.Scanning;

namespace Osprey.Cli.Commands.Scan;

/// <summary>Writes the finished report in every requested format, to files or to stdout.</summary>
internal static class ReportWriter
{
    public static async Task<IReadOnlyList<string>> WriteAsync(ScanReport report, ScanSettings settings, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        var formats = settings.EffectiveFormats;
        for (var i = 0; i < formats.Count; i++)
        {
            var renderer = Renderers.Create(formats[i], environment.UseColor)!;
            var path = settings.Outputs.Length > 0
                ? settings.Outputs[i]
                : settings.OutputDirectory is { } dir ? Path.Combine(dir, "osprey" + renderer.FileExtension) : null;
            if (path is null)
            {
                await renderer.RenderAsync(report, environment.StandardOutput, cancellationToken).ConfigureAwait(false);
                await environment.StandardOutput.FlushAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            // Write to a temporary file first so that a failed render never leaves half a report.
            var temporary = full + ".tmp-" + Environment.ProcessId;
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await renderer.RenderAsync(report, stream, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, full, overwrite: true);
            written.Add(full);
        }

        return written;
    }
}
