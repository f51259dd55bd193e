using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Osprey.Bench.Juliet;

/// <summary>One CWE folder of the suite, e.g. <c>testcases/CWE78_OS_Command_Injection</c>.</summary>
/// <param name="Cwe">The CWE number.</param>
/// <param name="Name">The folder name.</param>
/// <param name="Path">The folder's absolute path.</param>
internal sealed record JulietCweFolder(int Cwe, string Name, string Path)
{
    /// <summary>Every C# file of the folder and its split subfolders (s01, s02, …) except the per-folder Program.cs and AssemblyInfo.cs.</summary>
    public IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("/Program.cs", StringComparison.Ordinal) && !f.Contains("/Properties/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}

/// <summary>Locates the parts of a Juliet C# checkout.</summary>
internal sealed partial record JulietSuite(string TestCases, string Support, ImmutableArray<string> SupportLibraries)
{
    [GeneratedRegex(@"^CWE(?<id>\d+)_")]
    private static partial Regex CweFolderName();

    /// <summary>
    /// Finds <c>testcases</c> and <c>testcasesupport</c> under <paramref name="checkout"/> (the checkout
    /// root, its <c>src</c>, or <c>src/src</c>), and the support DLLs Juliet ships.
    /// </summary>
    /// <exception cref="Cli.BenchUsageException">No Juliet layout was found there.</exception>
    public static JulietSuite Locate(string checkout)
    {
        foreach (var candidate in new[] { checkout, System.IO.Path.Combine(checkout, "src"), System.IO.Path.Combine(checkout, "src", "src") })
        {
            var testCases = System.IO.Path.Combine(candidate, "testcases");
            var support = System.IO.Path.Combine(candidate, "testcasesupport");
            if (Directory.Exists(testCases) && Directory.Exists(support))
            {
                return new JulietSuite(System.IO.Path.GetFullPath(testCases), System.IO.Path.GetFullPath(support), FindLibraries(candidate, support));
            }
        }

        throw new Cli.BenchUsageException($"'{checkout}' is not a Juliet C# checkout: no testcases/ and testcasesupport/ folders under it, its src/ or src/src/.");
    }

    /// <summary>The CWE folders, optionally only those in <paramref name="only"/>, ordered by CWE.</summary>
    public ImmutableArray<JulietCweFolder> CweFolders(IReadOnlySet<int>? only = null) =>
    [
        .. Directory.EnumerateDirectories(TestCases)
            .Select(d => (Path: d, Name: System.IO.Path.GetFileName(d), Match: CweFolderName().Match(System.IO.Path.GetFileName(d))))
            .Where(d => d.Match.Success)
            .Select(d => new JulietCweFolder(int.Parse(d.Match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), d.Name, d.Path))
            .Where(f => only is null || only.Contains(f.Cwe))
            .OrderBy(f => f.Cwe),
    ];

    /// <summary>The support sources (AbstractTestCase, IO, …) every case compiles against.</summary>
    public IEnumerable<string> SupportSources() =>
        Directory.EnumerateFiles(Support, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Properties/", StringComparison.Ordinal) && !f.Contains("/packages/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static ImmutableArray<string> FindLibraries(string root, string support)
    {
        // NLog is the one third-party library the support code uses; the checkout ships it in
        // lib/ and in the NuGet packages folder (net45 build). Framework DLLs come from the
        // reference-assembly package instead.
        var candidates = new[]
        {
            System.IO.Path.Combine(root, "..", "lib", "NLog.dll"),
            System.IO.Path.Combine(root, "lib", "NLog.dll"),
            System.IO.Path.Combine(support, "packages", "NLog.4.6.8", "lib", "net45", "NLog.dll"),
        };
        var nlog = candidates.Select(System.IO.Path.GetFullPath).FirstOrDefault(File.Exists);
        return nlog is null ? [] : [nlog];
    }
}
