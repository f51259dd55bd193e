using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.Tests.Shared;

namespace Osprey.Core.Tests.Findings;

public sealed class FindingFingerprintTests
{
    private const string Original = """
        class Sample
        {
            void Handle()
            {
                var q = SOURCE();
                EXEC("select * from t where x = '" + q + "'");
            }
        }
        """;

    [Fact]
    public async Task Fingerprint_BlankLinesInsertedAbove_Unchanged()
    {
        var before = await FingerprintOf(Original);
        var after = await FingerprintOf("\n\n\n" + Original);

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Fingerprint_NewMethodInsertedAbove_Unchanged()
    {
        var before = await FingerprintOf(Original);
        var after = await FingerprintOf(Original.Replace("    void Handle()", "    void Other()\n    {\n        Log(\"x\");\n    }\n\n    void Handle()", StringComparison.Ordinal));

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Fingerprint_IndentationOfVulnerableLineChanged_Unchanged()
    {
        var before = await FingerprintOf(Original);
        var after = await FingerprintOf(Original.Replace("        EXEC(", "            EXEC(", StringComparison.Ordinal));

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Fingerprint_VulnerableLineChanged_Changes()
    {
        var before = await FingerprintOf(Original);
        var after = await FingerprintOf(Original.Replace("where x = '", "where y = '", StringComparison.Ordinal));

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Fingerprint_SameLineTwiceInOneMethod_Distinct()
    {
        using var folder = new TempFolder();
        folder.Write("Sample.cs", Original.Replace("        EXEC(", "        EXEC(\"a\");\n        EXEC(\"a\");\n        EXEC(", StringComparison.Ordinal));

        var report = await Scan(folder.Path);

        Assert.Equal(3, report.Findings.Length);
        Assert.Equal(3, report.Findings.Select(f => f.Fingerprint).Distinct().Count());
    }

    private static async Task<string> FingerprintOf(string source)
    {
        using var folder = new TempFolder();
        folder.Write("Sample.cs", source);
        var report = await Scan(folder.Path);
        return Assert.Single(report.Findings).Fingerprint;
    }

    private static Task<ScanReport> Scan(string path) =>
        new ScanPipeline([new MarkerEngine()]).RunAsync(ScanTarget.TryCreate(path, out _)!, ScanOptions.Default);
}
