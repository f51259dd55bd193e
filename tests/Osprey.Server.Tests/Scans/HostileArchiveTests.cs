using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Scans;

public sealed class HostileArchiveTests : IAsyncLifetime
{
    private OspreyTestServer _server = null!;
    private Guid _org;
    private string _key = "";
    private Guid _asset;

    public async Task InitializeAsync()
    {
        _server = await OspreyTestServer.StartAsync(configure: o => o with { MaxExtractedBytes = 1024 * 1024, MaxArchiveFiles = 50 });
        (_org, _key) = await _server.CreateOrganisationAsync("Hostile");
        _asset = (await _server.RegisterAssetAsync(_key, "libhostile")).GetProperty("id").GetGuid();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, int, string> Archives => new()
    {
        { "zip-traversal", "application/zip", 422, "archive-path-traversal" },
        { "zip-absolute", "application/zip", 422, "archive-absolute-path" },
        { "zip-symlink", "application/zip", 422, "archive-link" },
        { "zip-nested", "application/zip", 422, "archive-nested" },
        { "zip-nested-by-content", "application/zip", 422, "archive-nested" },
        { "zip-size-bomb", "application/zip", 413, "archive-extracted-too-large" },
        { "zip-file-count-bomb", "application/zip", 413, "archive-too-many-files" },
        { "tar-traversal", "application/gzip", 422, "archive-path-traversal" },
        { "tar-absolute", "application/gzip", 422, "archive-absolute-path" },
        { "tar-symlink", "application/gzip", 422, "archive-link" },
        { "tar-hardlink", "application/gzip", 422, "archive-link" },
        { "not-an-archive", "application/zip", 400, "invalid-archive" },
        { "wrong-content-type", "text/plain", 415, "unsupported-archive-type" },
    };

    private static byte[] Build(string name) => name switch
    {
        "zip-traversal" => TestArchives.Zip(("src/../../etc/passwd", "x")),
        "zip-absolute" => TestArchives.Zip(("/etc/cron.d/evil", "x")),
        "zip-symlink" => TestArchives.ZipWithSymlink("link", "/etc/shadow"),
        "zip-nested" => TestArchives.Zip(("vendor/inner.zip", "x")),
        "zip-nested-by-content" => TestArchives.Zip(("innocent.txt", "PK\u0003\u0004rest")),
        "zip-size-bomb" => TestArchives.ZipBomb(8L * 1024 * 1024),
        "zip-file-count-bomb" => TestArchives.Zip(Enumerable.Range(0, 60).Select(i => ($"f{i}.cs", "x")).ToArray()),
        "tar-traversal" => TestArchives.TarGz(TestArchives.File("../outside.cs", "x")),
        "tar-absolute" => TestArchives.TarGz(TestArchives.File("/tmp/abs.cs", "x")),
        "tar-symlink" => TestArchives.TarGz(TestArchives.Symlink("link", "/etc/shadow")),
        "tar-hardlink" => TestArchives.TarGz(TestArchives.File("a.cs", "x"), TestArchives.HardLink("b.cs", "a.cs")),
        "not-an-archive" => "this is not a zip"u8.ToArray(),
        _ => TestArchives.Zip(("a.cs", "x")),
    };

    [Theory]
    [MemberData(nameof(Archives))]
    public async Task Submit_HostileArchive_IsRefusedWithItsCodeAndNothingIsStored(string name, string contentType, int status, string code)
    {
        var response = await _server.SubmitAsync(_key, _asset, Build(name), contentType);

        await Problems.AssertAsync(response, status, code);
        await using var db = _server.Db();
        Assert.Equal(0, await db.ScanJobs.CountAsync(j => j.OrganisationId == _org));
        Assert.Equal(0, await db.ScanArchives.CountAsync());
        Assert.Equal(0, await db.DailyScanCounters.Where(c => c.OrganisationId == _org).SumAsync(c => c.Count));
        Assert.Equal(0, (await db.Organisations.SingleAsync(o => o.Id == _org)).ActiveScans);
        Assert.True(await db.AuditRecords.AnyAsync(r => r.Kind == AuditKinds.ScanRejected && r.OrganisationId == _org));
        Assert.False(Directory.Exists(Path.Combine(_server.Options.DataDirectory, "work")) && Directory.EnumerateFileSystemEntries(Path.Combine(_server.Options.DataDirectory, "work")).Any());
    }
}
