using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Core.Scanning;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Repositories;

/// <summary>One server and one git daemon for the class (each test its own repository and asset), with small limits.</summary>
public sealed class RepositoryScanFixture : IAsyncLifetime
{
    internal GitRepositories Git { get; private set; } = null!;

    internal OspreyTestServer Server { get; private set; } = null!;

    internal string AdminKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Git = await GitRepositories.StartAsync();
        Server = await OspreyTestServer.StartAsync(configure: o => o with { MaxArchiveFiles = 20, MaxRepositoryBytes = 256 * 1024 });
        (_, AdminKey) = await Server.CreateOrganisationAsync("Fetcher");
    }

    /// <summary>Registers a third-party project at <paramref name="url"/>; returns its id.</summary>
    internal async Task<Guid> AssetAsync(string url) =>
        (await Server.RegisterAssetAsync(AdminKey, "project-" + Guid.NewGuid().ToString("N")[..8], repositoryUrl: url)).GetProperty("id").GetGuid();

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Git.Dispose();
    }
}

public sealed class RepositoryScanTests(RepositoryScanFixture fixture) : IClassFixture<RepositoryScanFixture>
{
    private OspreyTestServer Server => fixture.Server;

    private GitRepositories Git => fixture.Git;

    private string Admin => fixture.AdminKey;

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
        var work = Git.Create("plain");
        var head = Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        Assert.Equal(("succeeded", head, 1), (scan.GetProperty("status").GetString(), scan.GetProperty("sourceCommit").GetString(), scan.GetProperty("findingCount").GetInt32()));
        Assert.Equal(JsonValueKind.Null, scan.GetProperty("sourceRef").ValueKind);
    }

    [Fact]
    public async Task Scan_WithThreatModelsInTheBody_RecordsThemOnTheJob()
    {
        var work = Git.Create("local-models");
        Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset, threatModels = new[] { ScanOptions.Local, ScanOptions.Local } });

        Assert.Equal("succeeded", scan.GetProperty("status").GetString());
        Assert.Equal([ScanOptions.Local], scan.GetProperty("threatModels").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Scan_OfTheRegisteredRepository_IsRecordedInScopeForAbuseDetection()
    {
        var work = Git.Create("scoped");
        Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        await using var db = Server.Db();
        var id = scan.GetProperty("id").GetGuid();
        var features = await db.SubmissionFeatures.SingleAsync(s => s.ScanId == id);
        Assert.Equal((true, "fetched by the server from the asset's registered repository"), (features.InScope, features.ScopeReason));
    }

    [Fact]
    public async Task Scan_RepositoryAttributes_AreNotAppliedToTheFetchedTree()
    {
        var work = Git.Create("attributes");
        Git.Commit(work, (".gitattributes", "* export-subst\n*.cs filter=evil\n"), ("app.cs", "var input = Read();\nEXEC(\"$Format:%H$\");\n"));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        using var client = Server.Client(Admin);
        var finding = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))!.Single();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{finding.GetProperty("id")}");
        Assert.Contains("$Format:%H$", detail.GetProperty("trace")[1].GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_RepositoryWithSymbolicLink_FailsNamingTheEntryLikeAnUploadedArchive()
    {
        var work = Git.Create("linked");
        File.CreateSymbolicLink(Path.Combine(work, "passwd"), "/etc/passwd");
        Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("archive-link:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Contains("entry: passwd", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.EnumerateFileSystemEntries(Path.Combine(Server.Options.DataDirectory, "work")).Any());
    }

    [Fact]
    public async Task Scan_TreeWithMoreFilesThanTheLimit_FailsWithTheArchiveCode()
    {
        var work = Git.Create("many");
        Git.Commit(work, Enumerable.Range(0, 30).Select(i => ($"f{i}.cs", $"// {i}\n")).ToArray());
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        Assert.Equal(("failed", true), (scan.GetProperty("status").GetString(), scan.GetProperty("failureReason").GetString()!.StartsWith("archive-too-many-files:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Scan_RepositoryLargerThanTheFetchLimit_FailsAsTooLarge()
    {
        var work = Git.Create("big");
        var noise = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3 * 1024 * 1024));
        Git.Commit(work, ("app.cs", TestArchives.Source("x")), ("data/noise.txt", noise));
        var asset = await fixture.AssetAsync(Git.Publish(work));

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("repository-too-large:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-branch")]
    [InlineData("nothing-listens")]
    public async Task Scan_RefOrServerThatDoesNotExist_FailsAsUnreachableWithGitsReason(string case_)
    {
        var work = Git.Create("present-" + case_);
        Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var url = case_ == "missing-branch" ? Git.Publish(work) : $"git://127.0.0.1:{GitRepositories.FreePort()}/absent.git";
        var asset = await fixture.AssetAsync(url);

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset, @ref = "no-such-branch" });

        Assert.Equal("failed", scan.GetProperty("status").GetString());
        Assert.StartsWith("repository-unreachable:", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Contains(case_ == "missing-branch" ? "no-such-branch" : "unable to connect", scan.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_FileUrlUnderTheTestOption_IsFetched()
    {
        var work = Git.Create("local");
        var head = Git.Commit(work, ("app.cs", TestArchives.Source("x")));
        var asset = await fixture.AssetAsync(new Uri(work).AbsoluteUri);

        var scan = await Server.ScanRepositoryAsync(Admin, new { assetId = asset });

        Assert.Equal(("succeeded", head), (scan.GetProperty("status").GetString(), scan.GetProperty("sourceCommit").GetString()));
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
}
