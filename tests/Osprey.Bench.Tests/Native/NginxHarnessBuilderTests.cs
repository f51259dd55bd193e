using Osprey.Bench.Native;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Native;

public sealed class NginxHarnessBuilderTests
{
    [Fact]
    public void HarnessSource_ConfigurationServingOutHtml_ServesTheGivenRootInstead()
    {
        const string harness = "static char configuration[] =\n\"      location / {\\n\"\n\"          root   /out/html;\\n\"\n\"          index  index.html;\\n\"\n";

        var rewritten = NginxHarnessBuilder.HarnessSource(harness, "/work/nginx/out/html");

        Assert.Contains("\"          root   \\\"/work/nginx/out/html\\\";\\n\"", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("/out/html;", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void HarnessSource_HarnessWithoutWebRoot_IsUnchanged()
    {
        const string harness = "static char configuration[] =\n\"mail {\\n\"\n\"    auth_http localhost:9999;\\n\"\n";

        Assert.Equal(harness, NginxHarnessBuilder.HarnessSource(harness, "/work/out/html"));
    }

    [Fact]
    public void PrepareHtmlRoot_SourceWithDocs_CopiesIndexHtmlIntoTheWorkFolder()
    {
        using var folder = new TempFolder();
        var source = Path.Combine(folder.Path, "nginx");
        folder.Write("nginx/docs/html/index.html", "<h1>Welcome to nginx!</h1>");
        folder.Write("nginx/docs/html/50x.html", "<h1>error</h1>");

        var root = NginxHarnessBuilder.PrepareHtmlRoot(source, Path.Combine(folder.Path, "work"));

        Assert.Equal(Path.Combine(folder.Path, "work", "out", "html"), root);
        Assert.Equal(["index.html"], Directory.EnumerateFiles(root).Select(Path.GetFileName));
        Assert.Equal("<h1>Welcome to nginx!</h1>", File.ReadAllText(Path.Combine(root, "index.html")));
    }
}
