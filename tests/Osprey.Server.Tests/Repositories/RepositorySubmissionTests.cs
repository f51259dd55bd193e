using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Repositories;

/// <summary>What is knowable before a fetch is refused at submission with a 4xx, and nothing is queued.</summary>
public sealed class RepositorySubmissionTests
{
    private static readonly (string Url, string Code)[] OutsideThePolicy =
    [
        ("https://127.0.0.1/loopback.git", "repository-address-not-allowed"),
        ("https://10.1.2.3/private.git", "repository-address-not-allowed"),
        ("https://[::1]/loopback6.git", "repository-address-not-allowed"),
        ("https://169.254.169.254/metadata.git", "repository-address-not-allowed"),
        ("http://203.0.113.5/plain-http.git", "repository-scheme-not-allowed"),
        ("https://user:secret@203.0.113.5/private.git", "repository-url-not-plain"),
        ("https://no-such-host.invalid/x.git", "repository-host-unknown"),
    ];

    [Fact]
    public async Task Submit_InProductionMode_RefusesEveryUrlOutsideThePolicy()
    {
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { LoopbackRepositoriesOnly = false });
        var (org, admin) = await server.CreateOrganisationAsync("Policy");

        foreach (var (url, code) in OutsideThePolicy)
        {
            var asset = (await server.RegisterAssetAsync(admin, "target", repositoryUrl: url)).GetProperty("id").GetGuid();
            await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, new { assetId = asset }), 422, code);
        }

        await using var db = server.Db();
        Assert.Equal(0, await db.ScanJobs.CountAsync(j => j.OrganisationId == org));
        Assert.Equal(OutsideThePolicy.Length, await db.AuditRecords.CountAsync(r => r.Kind == AuditKinds.ScanRejected && r.OrganisationId == org));
    }

    [Fact]
    public async Task RegisterAsset_GitUrlInProductionMode_IsRefused()
    {
        await using var server = await OspreyTestServer.StartAsync(configure: o => o with { LoopbackRepositoriesOnly = false });
        var (_, admin) = await server.CreateOrganisationAsync("NoGit");

        var response = await server.Client(admin).PostAsJsonAsync("/api/v1/assets", new { kind = "third-party-project", name = "x", repositoryUrl = "git://127.0.0.1/x.git" });

        await Problems.AssertAsync(response, 400, "invalid-asset");
    }

    [Fact]
    public async Task Submit_InTestMode_RefusesPublicAddresses()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("TestMode");
        var asset = (await server.RegisterAssetAsync(admin, "public", repositoryUrl: "https://203.0.113.5/x.git")).GetProperty("id").GetGuid();

        await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, new { assetId = asset }), 422, "repository-address-not-allowed");
    }

    [Fact]
    public async Task Submit_AssetWithoutRepositoryUrl_Is422()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("NoUrl");
        var asset = (await server.RegisterAssetAsync(admin, "archive-only")).GetProperty("id").GetGuid();

        await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, new { assetId = asset }), 422, "asset-has-no-repository");
    }

    [Fact]
    public async Task Submit_RefOrCommitThatCouldBeReadAsSomethingElse_Is400AndQueuesNothing()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (org, admin) = await server.CreateOrganisationAsync("Refs");
        var asset = (await server.RegisterAssetAsync(admin, "refs", repositoryUrl: "git://127.0.0.1:9/x.git")).GetProperty("id").GetGuid();
        object[] requests =
        [
            new { assetId = asset, @ref = "--upload-pack=touch /tmp/pwned" },
            new { assetId = asset, @ref = "main:refs/heads/x" },
            new { assetId = asset, @ref = "a/../b" },
            new { assetId = asset, @ref = "HEAD@{1}" },
            new { assetId = asset, @ref = "main", commit = "0123456789abcdef0123456789abcdef01234567" },
            new { assetId = asset, commit = "abc123" },
        ];

        foreach (var request in requests)
        {
            await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, request), 400, "invalid-repository-scan");
        }

        await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, new { assetId = asset, branch = "main" }), 400, "unknown-field");
        await using var db = server.Db();
        Assert.Equal(0, await db.ScanJobs.CountAsync(j => j.OrganisationId == org));
    }

    [Fact]
    public async Task Submit_OtherOrganisationsAsset_Is404()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (_, ownerKey) = await server.CreateOrganisationAsync("Owner");
        var (_, otherKey) = await server.CreateOrganisationAsync("Other");
        var asset = (await server.RegisterAssetAsync(ownerKey, "owned", repositoryUrl: "git://127.0.0.1:9/x.git")).GetProperty("id").GetGuid();

        await Problems.AssertAsync(await server.SubmitRepositoryAsync(otherKey, new { assetId = asset }), 404, "not-found");
    }

    [Fact]
    public async Task Submit_UnverifiedOwnRepository_Is403UntilOwnershipIsProven()
    {
        using var git = await GitRepositories.StartAsync();
        await using var server = await OspreyTestServer.StartAsync();
        var (_, admin) = await server.CreateOrganisationAsync("Own");
        var registered = await server.RegisterAssetAsync(admin, "ours", "own-repository", repositoryUrl: $"git://127.0.0.1:{git.Port}/ours.git");
        var asset = registered.GetProperty("id").GetGuid();
        var token = registered.GetProperty("verificationToken").GetString()!;
        var work = git.Create("ours");
        git.Commit(work, (".osprey-verification", token + "\n"), ("app.cs", TestArchives.Source("x")));
        git.Publish(work);

        await Problems.AssertAsync(await server.SubmitRepositoryAsync(admin, new { assetId = asset }), 403, "asset-not-verified");
        await OspreyTestServer.EnsureAsync(await server.SubmitAsync(admin, asset, TestArchives.Zip((".osprey-verification", token + "\n"), ("app.cs", TestArchives.Source("x")))), HttpStatusCode.Accepted);
        var scan = await server.ScanRepositoryAsync(admin, new { assetId = asset });

        Assert.Equal(("succeeded", 1), (scan.GetProperty("status").GetString(), scan.GetProperty("findingCount").GetInt32()));
    }
}
