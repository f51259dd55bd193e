using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Oracles;
using Osprey.CSharp.Proof.Tests.Verifying;

namespace Osprey.CSharp.Proof.Tests.Harness;

/// <summary>A shared harness whose files do not all compile: what no case runs through is left out, and an error is blamed only on the cases of its file.</summary>
public sealed class HarnessRecoveryTests
{
    private const string OtherFile = "src/App/Other.cs";

    private static readonly ScannedProgram Listing = ScannedProgram.Of("""
        using System;
        using System.Diagnostics;
        namespace App;
        public partial class Listing
        {
            public void Bad()
            {
                string data = Console.ReadLine(); // source
                Process.Start("/bin/ls " + data); // sink
            }
        }
        """);

    private static HarnessRequest Request(Finding finding) => new(finding, SinkOracles.For("command-injection")!.Payloads);

    private static Finding InOtherFile(Finding finding) => finding with
    {
        Trace = [.. finding.Trace.Select(s => s with { Location = s.Location with { FilePath = OtherFile } })],
    };

    [Fact]
    public void BuildShared_FileOnNoPathThatDoesNotCompile_IsLeftOutAndTheCaseCompiles()
    {
        // The broken file declares a part of the case's class, so it is collected; its error is in a class no path uses.
        var broken = CSharpSyntaxTree.ParseText("""
            namespace App;
            public partial class Listing { }
            public abstract class TestCase { public abstract void Good(); }
            public class BrokenCase : TestCase { }
            """, path: "src/App/Broken.cs");
        var compilation = Listing.Compilation.AddSyntaxTrees(broken);

        var shared = HarnessBuilder.BuildShared(compilation, [Request(Listing.Finding("command-injection"))]);

        Assert.True(shared.Cases[0].Plan is not null, shared.Cases[0].Problem?.Reason);
        Assert.DoesNotContain(shared.Compilation!.SyntaxTrees, t => t.FilePath == "src/App/Broken.cs");
    }

    [Fact]
    public void BuildShared_ErrorOutsideEveryPathInAnotherCasesFile_FailsOnlyThatCase()
    {
        var other = CSharpSyntaxTree.ParseText(Listing.Source.Replace("partial class Listing", "class Other", StringComparison.Ordinal) + """

            public abstract class TestCase { public abstract void Good(); }
            public class BrokenCase : TestCase { }
            """, path: OtherFile);
        var compilation = Listing.Compilation.AddSyntaxTrees(other);
        var finding = Listing.Finding("command-injection");

        var shared = HarnessBuilder.BuildShared(compilation, [Request(finding), Request(InOtherFile(finding))]);

        Assert.True(shared.Cases[0].Plan is not null, shared.Cases[0].Problem?.Reason);
        Assert.Contains("does not implement inherited abstract member", shared.Cases[1].Problem!.Reason, StringComparison.Ordinal);
    }
}
