using System.Xml.Linq;
using Osprey.Bench.Peers;

namespace Osprey.Bench.Tests.Peers;

public class PeerProjectWriterTests
{
    private static readonly PeerProject Project = new(
        "CWE78",
        "net48",
        ["/work/check outs/Juliet+1.3/A_01.cs", "/work/x/100%;@$.cs"],
        ["System.Web"],
        ["/work/lib/NLog.dll"],
        []);

    [Fact]
    public void Render_Net48_ReferencesFrameworkPackageAnalyzerAndSarifLog()
    {
        var xml = XDocument.Parse(PeerProjectWriter.Render(Project, PeerTool.SecurityCodeScan));
        var packages = xml.Descendants("PackageReference").Select(p => (string?)p.Attribute("Include")).ToList();

        Assert.Contains("Microsoft.NETFramework.ReferenceAssemblies.net48", packages);
        Assert.Contains("SecurityCodeScan.VS2019", packages);
        Assert.EndsWith("analysis.sarif,version=2.1", xml.Descendants("ErrorLog").Single().Value);
        Assert.Equal("net48", xml.Descendants("TargetFramework").Single().Value);
        Assert.Contains(xml.Descendants("Reference"), r => (string?)r.Attribute("Include") == "System.Web");
    }

    [Fact]
    public void Render_PathsWithMsBuildCharacters_AreEscaped()
    {
        var xml = XDocument.Parse(PeerProjectWriter.Render(Project, PeerTool.NetAnalyzers));
        var compiled = xml.Descendants("Compile").Select(c => (string)c.Attribute("Include")!).ToList();

        Assert.Contains("/work/check outs/Juliet+1.3/A_01.cs", compiled);
        Assert.Contains("/work/x/100%25%3B%40%24.cs", compiled);
    }

    [Fact]
    public void Write_NetAnalyzers_EnablesTaintRulesInGlobalConfig()
    {
        using var temp = new Support.TempFolder();

        PeerProjectWriter.Write(temp.Path, Project, PeerTool.NetAnalyzers);

        var config = File.ReadAllText(Path.Combine(temp.Path, "analysis.globalconfig"));
        Assert.Contains("dotnet_diagnostic.CA3001.severity = warning", config);
        Assert.Contains("dotnet_diagnostic.CA3012.severity = warning", config);
        Assert.True(File.Exists(Path.Combine(temp.Path, "Directory.Build.props")));
    }
}
