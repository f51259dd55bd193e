using System.Collections.Immutable;

namespace Osprey.Bench.Peers;

/// <summary>
/// Runs one peer on one generated project (DevSkim on its files: <see cref="DevSkimRunner"/>): <c>dotnet restore</c> (untimed: it only fetches
/// packages), then a timed <c>dotnet build</c> that compiles the files with the analyzer and
/// writes SARIF. The compiled output is never executed.
/// </summary>
internal static class PeerRunner
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Whether <paramref name="tool"/> has any rule whose CWE is in <paramref name="accepted"/>; without one its score is zero by construction.</summary>
    public static bool CanReport(PeerTool tool, IReadOnlySet<int> accepted) =>
        tool.MappedRules.Any(r => accepted.Contains(r.Value));

    /// <summary>Builds <paramref name="project"/> with <paramref name="tool"/> in <paramref name="folder"/> and reads its findings.</summary>
    public static async Task<PeerRun> RunAsync(string folder, PeerProject project, PeerTool tool, CancellationToken cancellationToken)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (tool.Kind == PeerKind.DevSkim)
        {
            return await DevSkimRunner.RunAsync(folder, project, cancellationToken);
        }

        var projectPath = PeerProjectWriter.Write(folder, project, tool);
        var log = Path.Combine(folder, "build.log");
        var restore = await ProcessRunner.RunAsync("dotnet", ["restore", projectPath, "-nologo", "-v:q"], folder, log, RestoreTimeout, cancellationToken);
        if (restore.ExitCode != 0)
        {
            return new PeerRun([], 0, [$"{tool.Name}: dotnet restore failed (exit {restore.ExitCode}{(restore.TimedOut ? ", timed out" : "")}); see {log}"]);
        }

        var build = await ProcessRunner.RunAsync(
            "dotnet",
            ["build", projectPath, "--no-restore", "-nologo", "-v:q", "-p:UseSharedCompilation=false", "-nodeReuse:false"],
            folder, log, BuildTimeout, cancellationToken);
        var sarif = Path.Combine(folder, PeerProjectWriter.SarifFile);
        var errors = ImmutableArray.CreateBuilder<string>();
        if (build.ExitCode != 0)
        {
            errors.Add($"{tool.Name}: dotnet build exited {build.ExitCode}{(build.TimedOut ? " (timed out)" : "")}; compile errors limit what analyzers see; see {log}");
        }

        if (!File.Exists(sarif))
        {
            errors.Add($"{tool.Name}: no SARIF log was written; see {log}");
            return new PeerRun([], build.Seconds, errors.ToImmutable(), build.CpuSeconds);
        }

        var findings = SarifFindingReader.Read(await File.ReadAllTextAsync(sarif, cancellationToken), tool.Name, PeerRuleMap.CweOf);
        return new PeerRun(findings, build.Seconds, errors.ToImmutable(), build.CpuSeconds);
    }
}
