using Osprey.CSharp.Misuse;

namespace Osprey.CSharp.Tests.Misuse;

public sealed class UntrustedSearchPathTests
{
    private const string RuleId = "cs/untrusted-search-path";

    [Fact]
    public async Task FileNameFromLocalWithBareNames_ReportedAtTheAssignment()
    {
        const string Source = """
            using System.Diagnostics;
            using System.Runtime.InteropServices;
            public class Lister
            {
                public void List()
                {
                    string command;
                    if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) { command = "ls"; } else { command = "cmd.exe"; }
                    using var process = new Process();
                    var info = new ProcessStartInfo();
                    info.FileName = command; // here
                    info.Arguments = "-la";
                    process.StartInfo = info;
                    process.Start();
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, RuleId);

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
        Assert.Equal(426, Assert.Single(finding.Cwes));
    }

    [Fact]
    public async Task ProcessStartWithBareName_Reported()
    {
        const string Source = """
            using System.Diagnostics;
            public class Git
            {
                public void Fetch() => Process.Start("git", "fetch"); // here
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, RuleId);

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task StartInfoConstructorAndInitializerWithBareNames_EachReported()
    {
        const string Source = """
            using System.Diagnostics;
            public class Tools
            {
                public ProcessStartInfo Ping() => new ProcessStartInfo("ping", "-c 1 localhost"); // ctor
                public ProcessStartInfo Shell() => new ProcessStartInfo { FileName = "powershell.exe" }; // init
            }
            """;

        var findings = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == RuleId).Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// ctor"), MisuseHarness.LineOf(Source, "// init")], findings);
    }

    [Fact]
    public async Task FullPathsDocumentsAndUrls_NotReported()
    {
        const string Source = """
            using System.Diagnostics;
            using System.Runtime.InteropServices;
            public class Lister
            {
                public void List(string configured)
                {
                    string command = RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "/bin/ls" : "c:\\windows\\system32\\cmd.exe";
                    Process.Start(new ProcessStartInfo { FileName = command, Arguments = "-la", UseShellExecute = false });
                    Process.Start(new ProcessStartInfo("report.pdf") { UseShellExecute = true });
                    Process.Start(new ProcessStartInfo("https://example.com/help") { UseShellExecute = true });
                    Process.Start(configured);
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, RuleId);
    }

    [Theory]
    [InlineData("ls", true)]
    [InlineData("cmd.exe", true)]
    [InlineData("deploy.sh", true)]
    [InlineData("./ls", false)]
    [InlineData("/usr/bin/git", false)]
    [InlineData("C:\\Tools\\git.exe", false)]
    [InlineData("%WINDIR%\\notepad.exe", false)]
    [InlineData("readme.txt", false)]
    [InlineData("", false)]
    public void IsSearchedName_OnlyBareProgramNames(string name, bool searched)
    {
        Assert.Equal(searched, UntrustedSearchPathCheck.IsSearchedName(name));
    }
}
