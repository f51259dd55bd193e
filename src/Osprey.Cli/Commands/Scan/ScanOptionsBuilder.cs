using Osprey.Core.Scanning;

namespace Osprey.Cli.Commands.Scan;

/// <summary>Turns validated command-line settings into the pipeline's options snapshot.</summary>
internal static class ScanOptionsBuilder
{
    public static ScanOptions Build(ScanSettings settings)
    {
        var options = ScanOptions.Default with
        {
            Include = [.. settings.Include],
            Exclude = [.. ScanOptions.Default.Exclude, .. settings.Exclude],
            Verify = settings.Verify || settings.ConfirmedOnly,
            AllowNetwork = settings.AllowNetwork,
            ModelFiles = [.. settings.Models.Select(Path.GetFullPath)],
        };
        if (settings.Threads is { } threads)
        {
            options = options with { Threads = threads };
        }

        if (settings.VerifyParallel is { } parallel)
        {
            options = options with { VerifyParallelism = parallel };
        }

        if (DurationParser.TryParse(settings.VerifyTimeout, out var timeout))
        {
            options = options with { VerifyTimeout = timeout };
        }

        if (DurationParser.TryParse(settings.FuzzTime, out var fuzz))
        {
            options = options with { FuzzTime = fuzz };
        }

        if (settings.ThreatModels.Length > 0)
        {
            options = options with { ThreatModels = [.. settings.ThreatModels.Distinct()] };
        }

        return options;
    }
}
