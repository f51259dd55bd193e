using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Models;

/// <summary>Processes, the file system and archives.</summary>
public sealed class ProcessAndFileModelTests
{
    private const string Web = "using System; using System.Diagnostics; using System.IO; using Microsoft.AspNetCore.Mvc;\n";

    [Fact]
    public void ControllerParameter_ProcessStartInfoArguments_CommandInjection_Diagnostic()
    {
        const string source = Web + """
            public sealed class ConvertController : ControllerBase
            {
                public void Convert(string options) // source
                {
                    var psi = new ProcessStartInfo("convert");
                    psi.Arguments = "-quality 80 " + options; // sink
                    Process.Start(psi);
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/command-injection");
        Assert.Equal(new[] { 78, 88 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ControllerParameter_ArgumentListOfAllowListedValue_NoDiagnostic()
    {
        const string source = Web + """
            public sealed class ConvertController : ControllerBase
            {
                public void Convert(string format)
                {
                    var psi = new ProcessStartInfo("convert");
                    psi.Arguments = format == "png" ? "-format png" : "-format jpg";
                    Process.Start(psi);
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/command-injection");
    }

    [Fact]
    public void ControllerParameter_FileStreamAndDelete_PathInjection_Diagnostic()
    {
        const string source = Web + """
            public sealed class FilesController : ControllerBase
            {
                public void Remove(string name) // source
                {
                    System.IO.File.Delete(Path.Combine("/srv/files", name)); // sink
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
    }

    [Fact]
    public void ZipEntryFullName_ExtractToFile_ZipSlip_Diagnostic_AndFileNameNot()
    {
        const string source = """
            using System.IO; using System.IO.Compression;
            public static class Unpacker
            {
                public static void Extract(ZipArchive archive, string target)
                {
                    foreach (var entry in archive.Entries)
                    {
                        var name = entry.FullName; // source
                        entry.ExtractToFile(Path.Combine(target, name)); // sink
                        entry.ExtractToFile(Path.Combine(target, Path.GetFileName(name)));
                    }
                }
            }
            """;

        var finding = FindingAssert.Single(TaintRun.Library(source), source, "cs/zip-slip");
        Assert.Equal(new[] { 22 }, finding.Cwes.ToArray());
    }

    [Fact]
    public void ZipEntryFullName_CheckedToStayUnderTarget_NoDiagnostic()
    {
        const string source = """
            using System; using System.IO; using System.IO.Compression;
            public static class Unpacker
            {
                public static void Extract(ZipArchive archive, string target)
                {
                    var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
                    foreach (var entry in archive.Entries)
                    {
                        var path = Path.GetFullPath(Path.Combine(root, entry.FullName));
                        if (path.StartsWith(root, StringComparison.Ordinal))
                        {
                            entry.ExtractToFile(path);
                        }
                    }
                }
            }
            """;

        FindingAssert.None(TaintRun.Library(source), "cs/zip-slip");
    }
}
