using System.ComponentModel;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Osprey.Cli.Commands.Scan;

/// <summary>Settings of <c>osprey scan</c>.</summary>
public sealed class ScanSettings : CommandSettings
{
    /// <summary>What to scan.</summary>
    [CommandArgument(0, "<path>")]
    [Description("Folder, .sln/.slnx, .csproj, compile_commands.json, or a single source file.")]
    public string Path { get; init; } = "";

    /// <summary>Output formats, in order.</summary>
    [CommandOption("-f|--format <FORMAT>")]
    [Description("text, json, sarif, md or html. Repeatable. Default: text.")]
    public string[] Formats { get; init; } = [];

    /// <summary>Output files, paired with the formats in order.</summary>
    [CommandOption("-o|--output <FILE>")]
    [Description("Write the report to FILE instead of stdout. Repeat once per --format, in the same order.")]
    public string[] Outputs { get; init; } = [];

    /// <summary>A folder that receives one file per format.</summary>
    [CommandOption("--output-dir <DIR>")]
    [Description("Write every requested format into DIR as osprey.<ext>.")]
    public string? OutputDirectory { get; init; }

    /// <summary>The severity at which the exit code becomes 1.</summary>
    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit with 1 when a finding is at or above SEVERITY (critical, high, medium, low, info).")]
    public string? FailOn { get; init; }

    /// <summary>Whether only confirmed findings count for <see cref="FailOn"/>.</summary>
    [CommandOption("--confirmed-only")]
    [Description("With --fail-on: count only findings confirmed by a proof (implies --verify).")]
    public bool ConfirmedOnly { get; init; }

    /// <summary>A SARIF file whose findings are not reported again.</summary>
    [CommandOption("--baseline <SARIF>")]
    [Description("Report only findings that are not in this earlier SARIF report.")]
    public string? Baseline { get; init; }

    /// <summary>Globs of files to include.</summary>
    [CommandOption("--include <GLOB>")]
    [Description("Scan only files matching GLOB (repeatable), e.g. 'src/**'.")]
    public string[] Include { get; init; } = [];

    /// <summary>Globs of files to exclude.</summary>
    [CommandOption("--exclude <GLOB>")]
    [Description("Skip files matching GLOB (repeatable), e.g. '**/Migrations/**'. bin/ and obj/ are always skipped.")]
    public string[] Exclude { get; init; } = [];

    /// <summary>Degree of parallelism.</summary>
    [CommandOption("--threads <N>")]
    [Description("Analyse with at most N threads. Default: the number of processors.")]
    public int? Threads { get; init; }

    /// <summary>Whether to prove findings.</summary>
    [CommandOption("--verify")]
    [Description("Try to prove each finding by running an exploit in a sandbox.")]
    public bool Verify { get; init; }

    /// <summary>Limit per proof.</summary>
    [CommandOption("--verify-timeout <DURATION>")]
    [Description("Wall-clock limit per proof, e.g. 30s. Default: 30s.")]
    public string? VerifyTimeout { get; init; }

    /// <summary>Proofs at once.</summary>
    [CommandOption("--verify-parallel <N>")]
    [Description("Run at most N proofs at once. Default: the number of processors.")]
    public int? VerifyParallel { get; init; }

    /// <summary>Fuzzing budget for native code.</summary>
    [CommandOption("--fuzz-time <DURATION>")]
    [Description("Fuzz C/C++ entry points for DURATION in total, e.g. 10m. Default: no fuzzing.")]
    public string? FuzzTime { get; init; }

    /// <summary>Threat models whose sources count.</summary>
    [CommandOption("--threat-model <MODEL>")]
    [Description("remote (HTTP, sockets) and/or local (console, files, environment). Repeatable. Default: remote.")]
    public string[] ThreatModels { get; init; } = [];

    /// <summary>Extra model files.</summary>
    [CommandOption("--model <FILE>")]
    [Description("Extra sources/sinks/summaries in models-as-data YAML (repeatable).")]
    public string[] Models { get; init; } = [];

    /// <summary>Whether engines may use the network.</summary>
    [CommandOption("--allow-network")]
    [Description("Let the C# loader download missing reference-assembly packages. Scanned code never gets network.")]
    public bool AllowNetwork { get; init; }

    /// <summary>Hides the progress display.</summary>
    [CommandOption("--no-progress")]
    [Description("Do not show progress on the terminal.")]
    public bool NoProgress { get; init; }

    /// <summary>The effective formats (text when none was given).</summary>
    public IReadOnlyList<string> EffectiveFormats => Formats.Length == 0 ? ["text"] : Formats;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            problems.Add("a path to scan is required");
        }

        foreach (var format in EffectiveFormats)
        {
            if (Renderers.Find(format) is null)
            {
                problems.Add($"unknown format '{format}' (use {string.Join(", ", Renderers.Names)})");
            }
        }

        if (Outputs.Length > 0 && Outputs.Length != EffectiveFormats.Count)
        {
            problems.Add($"{Outputs.Length} --output for {EffectiveFormats.Count} --format: give one --output per --format, in the same order");
        }

        if (Outputs.Length > 0 && OutputDirectory is not null)
        {
            problems.Add("use either --output or --output-dir, not both");
        }

        if (Outputs.Length == 0 && OutputDirectory is null && EffectiveFormats.Count > 1)
        {
            problems.Add("several formats cannot all go to stdout: add --output per format or --output-dir");
        }

        if (FailOn is not null && !SeverityExtensions.TryParse(FailOn, out _))
        {
            problems.Add($"unknown severity '{FailOn}' for --fail-on (use critical, high, medium, low or info)");
        }

        if (ConfirmedOnly && FailOn is null)
        {
            problems.Add("--confirmed-only needs --fail-on");
        }

        if (Baseline is not null && !File.Exists(Baseline))
        {
            problems.Add($"the baseline '{Baseline}' does not exist");
        }

        if (Threads is < 1)
        {
            problems.Add("--threads must be at least 1");
        }

        if (VerifyParallel is < 1)
        {
            problems.Add("--verify-parallel must be at least 1");
        }

        if (VerifyTimeout is not null && (!DurationParser.TryParse(VerifyTimeout, out var timeout) || timeout <= TimeSpan.Zero))
        {
            problems.Add($"--verify-timeout '{VerifyTimeout}' is not a positive duration (e.g. 30s, 2m)");
        }

        if (FuzzTime is not null && !DurationParser.TryParse(FuzzTime, out _))
        {
            problems.Add($"--fuzz-time '{FuzzTime}' is not a duration (e.g. 10m, 1h)");
        }

        foreach (var model in ThreatModels)
        {
            if (!ScanOptions.IsThreatModel(model))
            {
                problems.Add($"unknown threat model '{model}' (use remote or local)");
            }
        }

        foreach (var model in Models)
        {
            if (!File.Exists(model))
            {
                problems.Add($"the model file '{model}' does not exist");
            }
        }

        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join("; ", problems) + ".");
    }
}
