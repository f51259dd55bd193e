using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Repositories;

public sealed class RepositoryScanTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Scan_RepositoryServedByGitDaemon_ScansTheCommitAskedForThenTheBranchAndTracksFindings(string database)
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("tracked");
        var first = git.Commit(work, ("src/app.cs", TestArchives.Source("a", "b")));
        var second = git.Commit(work, ("src/app.cs", "// added line\n" + TestArchives.Source("a", "c")));
        var url = git.Publish(work);
        await using var server = await OspreyTestServer.StartAsync(database);
        var (_, admin) = await server.CreateOrganisationAsync("Fetcher");
        var asset = (await server.RegisterAssetAsync(admin, "libfetch", repositoryUrl: url)).GetProperty("id").GetGuid();

        var old = await server.ScanRepositoryAsync(admin, new { assetId = asset, commit = first, label = "old" });
        var head = await server.ScanRepositoryAsync(admin, new { assetId = asset, @ref = "main" });

        Assert.Equal(("succeeded", "git", first, first, 2, 2), (old.GetProperty("status").GetString(), old.GetProperty("archiveFormat").GetString(),
            old.GetProperty("sourceRef").GetString(), old.GetProperty("sourceCommit").GetString(), old.GetProperty("findingCount").GetInt32(), old.GetProperty("newCount").GetInt32()));
        Assert.Equal(("succeeded", "main", second, 1, 1), (head.GetProperty("status").GetString(), head.GetProperty("sourceRef").GetString(),
            head.GetProperty("sourceCommit").GetString(), head.GetProperty("newCount").GetInt32(), head.GetProperty("fixedCount").GetInt32()));
        await using var db = server.Db();
        Assert.Equal(0, await db.ScanArchives.CountAsync());
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKinds.ScanSubmitted && r.Entry.Contains("main")));
    }

    [Fact]
    public async Task Scan_WithoutRefOrCommit_ScansTheDefaultBranch()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("plain");
        var head = git.Commit(work, ("app.cs", TestArchives.Source("x")));
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Plain");
        var asset = (await server.RegisterAssetAsync(admin, "plain", repositoryUrl: git.Publish(work))).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal(("succeeded", head, 1), (scan.GetProperty("status").GetString(), scan.GetProperty("sourceCommit").GetString(), scan.GetProperty("findingCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, scan.GetProperty("sourceRef").ValueKind);
    }

    [Fact]
    public async Task Scan_RepositoryAttributes_AreNotAppliedToTheFetchedTree()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("attributes");
        git.Commit(work, (".gitattributes", "* export-subst\n*.cs filter=evil\n"), ("app.cs", "var input = Read();\nEXEC(\"$Format:%H$\");\n"));
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Attrs");
        var asset = (await server.RegisterAssetAsync(admin, "attrs", repositoryUrl: git.Publish(work))).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        using var client = server.Client(admin);
        var finding = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))!.Single();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{finding.GetProperty("id")}");
        Assert.Contains("$Format:%H$", detail.GetProperty("trace")[1].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_RepositoryWithSymbolicLink_FailsNamingTheEntryLikeAnUploadedArchive()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("linked");
        File.CreateSymbolicLink(Path.Combine(work, "passwd"), "/etc/passwd");
        git.Commit(work, ("app.cs", TestArchives.Source("x")));
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Linked");
        var asset = (await server.RegisterAssetAsync(admin, "linked", repositoryUrl: git.Publish(work))).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("archive-link:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("entry: passwd", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(server.Options.DataDirectory, "work")).Any());
    }

    [Fact]
    public async Task Scan_TreeWithMoreFilesThanTheLimit_FailsWithTheArchiveCode()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("many");
        git.Commit(work, Enumerable.Range(0, 30).Select(i => ($"f{i}.cs", $"// {i}\n")).ToArray());
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { MaxArchiveFiles = 20 });
        var (_, admin) = await server.CreateOrganisationAsync("Many");
        var asset = (await server.RegisterAssetAsync(admin, "many", repositoryUrl: git.Publish(work))).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal(("failed", true), (scan.GetProperty("status").GetString(), scan.GetProperty("failureReason").GetString()!.StartsWith("archive-too-many-files:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scan_RepositoryLargerThanTheFetchLimit_FailsAsTooLarge()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("big");
        var noise = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3 * 1024 * 1024));
        git.Commit(work, ("app.cs", TestArchives.Source("x")), ("data/noise.txt", noise));
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { MaxRepositoryBytes = 256 * 1024 });
        var (_, admin) = await server.CreateOrganisationAsync("Big");
        var asset = (await server.RegisterAssetAsync(admin, "big", repositoryUrl: git.Publish(work))).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("repository-too-large:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-branch")]
    [InlineData("nothing-listens")]
    public async Task Scan_RefOrServerThatDoesNotExist_FailsAsUnreachableWithGitsReason(string case_)
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("present");
        git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var url = case_ == "missing-branch" ? git.Publish(work) : $"git://127.0.0.1:{GitRepositories.FreePort()}/absent.git";
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Absent");
        var asset = (await server.RegisterAssetAsync(admin, "absent", repositoryUrl: url)).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset, @ref = "no-such-branch" });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("repository-unreachable:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Contains(case_ == "missing-branch" ? "no-such-branch" : "unable to connect", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ServerThatNeverAnswers_FailsAfterTheFetchTimeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () => { while (true) held.Add(await silent.AcceptTcpClientAsync()); });
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { RepositoryFetchTimeout = TimeSpan.FromSeconds(2) });
        var (_, admin) = await server.CreateOrganisationAsync("Silent");
        var url = $"git://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/silent.git";
        var asset = (await server.RegisterAssetAsync(admin, "silent", repositoryUrl: url)).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("repository-fetch-timeout:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        silent.Stop();
        held.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Scan_FileUrlUnderTheTestOption_IsFetched()
    {
        using var git = await GitRepositories.StartAsync();
        var work = git.Create("local");
        var head = git.Commit(work, ("app.cs", TestArchives.Source("x")));
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Local");
        var asset = (await server.RegisterAssetAsync(admin, "local", repositoryUrl: new Uri(work).AbsoluteUri)).GetProperty("id").GetGuid();

        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal(("succeeded", head), (scan.GetProperty("status").GetString(), scan.GetProperty("sourceCommit").GetString()));
    }
}
