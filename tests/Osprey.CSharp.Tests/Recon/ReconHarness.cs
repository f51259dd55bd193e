using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.CSharp.Recon;

namespace Osprey.CSharp.Tests.Recon;

/// <summary>Runs the C# recon stage through the pipeline.</summary>
internal static class ReconHarness
{
    public static async Task<ImmutableArray<EntryPoint>> EntryPointsAsync(string path)
    {
        var target = ScanTarget.TryCreate(path, out var error) ?? throw new ArgumentException(error);
        var report = await new ScanPipeline([], [new CSharpEntryPointRecon()]).RunAsync(target, ScanOptions.Default with { Threads = 2 });
        Assert.DoesNotContain(report.Diagnostics, d => d.Level == DiagnosticLevel.Error);
        return report.EntryPoints;
    }

    public static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' was not found above {AppContext.BaseDirectory}.");
    }
}
