using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Taint;

/// <summary>
/// A source whose value is made from an earlier source's (the entry names of an archive the user
/// supplied) gives one finding per sink: the flow from the earlier source, the one to prove and fix.
/// </summary>
public sealed class NestedSourceTests
{
    private const string Usings = "using System; using System.IO; using System.IO.Compression; using System.Text;\n";

    [Fact]
    public void ArchiveFromConsole_EntryNameIntoPath_OneFindingFromTheConsole()
    {
        const string source = Usings + """
            public static class Uploads
            {
                public static void Run()
                {
                    var upload = Console.ReadLine()!; // source
                    using var zip = new ZipArchive(new MemoryStream(Convert.FromBase64String(upload)), ZipArchiveMode.Read);
                    foreach (var entry in zip.Entries)
                    {
                        File.Delete(Path.Combine("/srv/uploads", entry.FullName)); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
    }

    [Fact]
    public void ArchiveFromConstantPath_EntryNameIntoPath_FindingFromTheEntryName()
    {
        const string source = Usings + """
            public static class Uploads
            {
                public static void Run()
                {
                    using var zip = ZipFile.OpenRead("/srv/inbox/latest.zip");
                    foreach (var entry in zip.Entries)
                    {
                        var name = entry.FullName; // source
                        File.Delete(Path.Combine("/srv/uploads", name)); // sink
                    }
                }
            }
            """;

        FindingAssert.Single(TaintRun.Library(source), source, "cs/path-injection");
    }

    [Fact]
    public void WrappedSourceInSharedHelper_TwoCallersIntoSharedSink_TwoFindings()
    {
        const string source = """
            using System; using System.Diagnostics; using System.IO; using System.Net;
            public static class Flows
            {
                public static string Source()
                {
                    using var client = new WebClient();
                    using var reader = new StreamReader(client.OpenRead("http://example.org/"));
                    return reader.ReadLine()!;
                }
                public static void Sink(string input) => Process.Start(input);
                public static void First() => Sink(Source());
                public static void Second() => Sink("x" + Source());
            }
            """;

        Assert.Equal(2, TaintRun.Library(source).Count(f => f.RuleId == "cs/command-injection"));
    }
}
