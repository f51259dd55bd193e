using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Osprey.CSharp.Loading;

namespace Osprey.CSharp.Tests.Loading;

public sealed class ReferencePackageFetcherTests
{
    [Fact]
    public async Task FetchAsync_FromTheConfiguredFeed_UnpacksOnlyReferenceAssemblies()
    {
        using var tree = new TempTree();
        var package = BuildPackage(tree);
        using var feed = new LoopbackFeed(package);
        var options = CSharpEngineOptions.Default with { FeedUrl = feed.IndexUrl, PackageCacheFolder = tree.PathOf("cache") };
        using var http = new HttpClient();

        var folder = await new ReferencePackageFetcher(options, http).FetchAsync("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3", CancellationToken.None);

        var files = Directory.EnumerateFiles(tree.PathOf("cache"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(["build/.NETFramework/v4.8/Facades/netstandard.dll", "build/.NETFramework/v4.8/mscorlib.dll"], files);
        Assert.False(File.Exists(tree.PathOf("escaped.dll")));
        Assert.Equal(folder, new ReferencePacks(options with { PackageFolders = [] }).NetFrameworkDirectory(TargetFrameworkSelector.FrameworkDefault) is { } found
            ? Path.GetFullPath(Path.Combine(found, "..", "..", ".."))
            : null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Load_NetFrameworkProjectWithoutReferenceAssemblies_FetchesThemOnlyWhenNetworkIsAllowed(bool allowNetwork)
    {
        using var tree = new TempTree();
        using var feed = new LoopbackFeed(BuildPackage(tree));
        tree.Write("Legacy/Legacy.csproj", """
            <Project ToolsVersion="14.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><TargetFrameworkVersion>v4.8</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup><Compile Include="Code.cs" /></ItemGroup>
            </Project>
            """);
        tree.Write("Legacy/Code.cs", "class Code { }");
        var options = CSharpEngineOptions.Default with { FeedUrl = feed.IndexUrl, PackageFolders = [tree.PathOf("no-packages")], PackageCacheFolder = tree.PathOf("cache") };

        var result = await LoadHarness.LoadAsync(tree.PathOf("Legacy/Legacy.csproj"), options, Osprey.Core.Scanning.ScanOptions.Default with { Threads = 2, AllowNetwork = allowNetwork });

        var project = result.Project("Legacy");
        Assert.Equal(allowNetwork, File.Exists(tree.PathOf("cache/microsoft.netframework.referenceassemblies.net48/1.0.3/build/.NETFramework/v4.8/mscorlib.dll")));
        Assert.Equal(!allowNetwork, project.UnresolvedReferences.Contains("Microsoft.NETFramework.ReferenceAssemblies.net48"));
        Assert.Equal(allowNetwork, result.Diagnostics("reference-package-fetched").Any());
    }

    private static byte[] BuildPackage(TempTree tree)
    {
        var dll = tree.PathOf("staging/mscorlib.dll");
        LoadHarness.EmitAssembly(dll, "mscorlib", "namespace System { public class Placeholder { } }");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntryFromFile(dll, "build/.NETFramework/v4.8/mscorlib.dll");
            zip.CreateEntryFromFile(dll, "build/.NETFramework/v4.8/Facades/netstandard.dll");
            zip.CreateEntryFromFile(dll, "build/../../../escaped.dll");
            Write(zip, "build/Microsoft.NETFramework.ReferenceAssemblies.net48.targets", "<Project><Target Name=\"X\"><Exec Command=\"touch /tmp/x\" /></Target></Project>");
            Write(zip, "tools/install.ps1", "Remove-Item -Recurse C:\\");
            Write(zip, "build/.NETFramework/v4.8/mscorlib.xml", "<doc />");
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>A NuGet v3 feed on loopback: a service index and one flat-container package.</summary>
    private sealed class LoopbackFeed : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _package;
        private readonly Task _serving;

        public LoopbackFeed(byte[] package)
        {
            _package = package;
            var port = FreePort();
            Prefix = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Prefix);
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Prefix { get; }

        public string IndexUrl => Prefix + "v3/index.json";

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var path = context.Request.Url!.AbsolutePath;
                byte[] body;
                if (path == "/v3/index.json")
                {
                    body = Encoding.UTF8.GetBytes($$"""{"version":"3.0.0","resources":[{"@id":"{{Prefix}}flat/","@type":"PackageBaseAddress/3.0.0"}]}""");
                }
                else if (path == "/flat/microsoft.netframework.referenceassemblies.net48/1.0.3/microsoft.netframework.referenceassemblies.net48.1.0.3.nupkg")
                {
                    body = _package;
                }
                else
                {
                    context.Response.StatusCode = 404;
                    body = [];
                }

                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
