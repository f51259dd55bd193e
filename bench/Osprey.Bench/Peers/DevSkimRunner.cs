using System.Collections.Immutable;
using Osprey.Bench.Scoring;

namespace Osprey.Bench.Peers;

/// <summary>
/// Runs DevSkim, a pattern-matching scanner that works on files rather than compilations, on
/// the files a generated peer project would compile. The bench installs the tool itself as a
/// .NET tool into a folder beside the peer's work folders; DevSkim reads files and never builds
/// or runs them. Its SARIF gives locations relative to the scanned folder and no CWEs, so the
/// findings are resolved against that folder and mapped through <see cref="DevSkimRuleMap"/>.
/// </summary>
internal static class DevSkimRunner
{
    private const string PackageId = "microsoft.cst.devskim.cli";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AnalyzeTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Scans <paramref name="project"/>'s files with DevSkim, writing its logs into <paramref name="folder"/>.</summary>
    public static async Task<PeerRun> RunAsync(string folder, PeerProject project, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var log = Path.Combine(folder, "devskim.log");
        var toolPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, ".tool-" + DevSkimRuleMap.Version);
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "devskim.exe" : "devskim");
        if (!File.Exists(executable))
        {
            var install = await ProcessRunner.RunAsync(
                "dotnet", ["tool", "install", PackageId, "--version", DevSkimRuleMap.Version, "--tool-path", toolPath], folder, log, InstallTimeout, cancellationToken);
            if (install.ExitCode != 0 || !File.Exists(executable))
            {
                return new PeerRun([], 0, [$"devskim: dotnet tool install {PackageId} {DevSkimRuleMap.Version} failed (exit {install.ExitCode}); see {log}"]);
            }
        }

        var wanted = project.CompileFiles.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var findings = ImmutableArray.CreateBuilder<ToolFinding>();
        var errors = ImmutableArray.CreateBuilder<string>();
        double seconds = 0;
        double? cpu = 0;
        var index = 0;
        foreach (var root in ScanRoots(wanted))
        {
            var sarif = Path.Combine(folder, $"devskim-{index++}.sarif");
            var run = await ProcessRunner.RunAsync(
                executable, ["analyze", "-I", root, "-O", sarif, "-f", "sarif", "--include-globs", "**/*.cs"], folder, log, AnalyzeTimeout, cancellationToken);
            seconds += run.Seconds;
            cpu = cpu is { } sum && run.CpuSeconds is { } more ? sum + more : null;
            if (!File.Exists(sarif))
            {
                errors.Add($"devskim: no SARIF log for {root} (exit {run.ExitCode}{(run.TimedOut ? ", timed out" : "")}); see {log}");
                continue;
            }

            var read = SarifFindingReader.Read(await File.ReadAllTextAsync(sarif, cancellationToken), "devskim", DevSkimRuleMap.CweOf, root);
            findings.AddRange(read.Where(f => f.Sinks.Any(s => wanted.Contains(s.Path))));
        }

        return new PeerRun(findings.ToImmutable(), seconds, errors.ToImmutable(), cpu);
    }

    /// <summary>
    /// The fewest folders that hold every file: each file's folder, less those inside another.
    /// DevSkim takes one folder per run, and scanning a common parent could mean a whole suite.
    /// </summary>
    public static IReadOnlyList<string> ScanRoots(IEnumerable<string> files)
    {
        var folders = files.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var roots = new List<string>();
        foreach (var folder in folders)
        {
            if (!roots.Any(r => folder.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                roots.Add(folder);
            }
        }

        return roots;
    }
}
