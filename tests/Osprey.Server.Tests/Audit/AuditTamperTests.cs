using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Osprey.Server.Audit;
using Osprey.Server.Tests.Support;

namespace Osprey.Server.Tests.Audit;

public sealed class AuditTamperTests
{
    private static async Task<OspreyTestServer> ServerWithHistoryAsync(string database)
    {
        var server = await OspreyTestServer.StartAsync(database);
        var (_, admin) = await server.CreateOrganisationAsync("Audited");
        await server.CreateKeyAsync(admin, "analyst");
        await server.RegisterAssetAsync(admin, "libaudit");
        using var op = server.Client(server.OperatorKey);
        (await op.PostAsync("/api/v1/operator/audit/checkpoints", null)).EnsureSuccessStatusCode();
        return server;
    }

    private static async Task<long> SequenceOfAsync(OspreyTestServer server, string kind)
    {
        await using var db = server.Db();
        return await db.AuditRecords.Where(r => r.Kind == kind).Select(r => r.Sequence).FirstAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Verify_UntouchedLog_IsIntact(string database)
    {
        await using var server = await ServerWithHistoryAsync(database);

        var report = await AuditVerifier.VerifyAsync(server.Options);

        Assert.True(report.IsIntact, report.Render());
        Assert.True(report.RecordCount >= 8);
        Assert.True(report.CheckpointCount >= 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Verify_RecordModifiedWithRecomputedLeafHash_NamesExactlyThatRecord(string database)
    {
        await using var server = await ServerWithHistoryAsync(database);
        var target = await SequenceOfAsync(server, AuditKinds.OrganisationVetted);
        await using (var db = server.Db())
        {
            var record = await db.AuditRecords.SingleAsync(r => r.Sequence == target);
            record.Entry = record.Entry.Replace("Olga Operator", "Mallory", StringComparison.Ordinal);
            record.LeafHash = Convert.ToHexStringLower(AuditEntryCodec.LeafHashOf(record.Entry));
            await db.SaveChangesAsync();
        }

        var report = await AuditVerifier.VerifyAsync(server.Options);

        var problem = Assert.Single(report.Problems, p => p.Kind != AuditProblemKind.CheckpointMismatch);
        Assert.Equal((target, AuditProblemKind.Modified), (problem.Sequence, problem.Kind));
        Assert.Contains("TAMPERED", report.Render(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Verify_RecordDeleted_NamesItRemoved(string database)
    {
        await using var server = await ServerWithHistoryAsync(database);
        var target = await SequenceOfAsync(server, AuditKinds.KeyCreated);
        await using (var db = server.Db())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" = {0}", target);
        }

        var report = await AuditVerifier.VerifyAsync(server.Options);

        var problem = Assert.Single(report.Problems);
        Assert.Equal((target, AuditProblemKind.Removed), (problem.Sequence, problem.Kind));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Verify_LastRecordsDeletedAfterCheckpoint_NamesThemRemoved(string database)
    {
        await using var server = await ServerWithHistoryAsync(database);
        long last;
        await using (var db = server.Db())
        {
            last = await db.AuditRecords.MaxAsync(r => r.Sequence);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditRecords\" WHERE \"Sequence\" >= {0}", last - 1);
        }

        var report = await AuditVerifier.VerifyAsync(server.Options);

        Assert.Equal([(last - 1, AuditProblemKind.Removed), (last, AuditProblemKind.Removed)], report.Problems.Select(p => (p.Sequence, p.Kind)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Verify_TwoRecordsSwapped_NamesBothReordered(string database)
    {
        await using var server = await ServerWithHistoryAsync(database);
        await using (var db = server.Db())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Sequence\" = -1 WHERE \"Sequence\" = 2");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 5");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Sequence\" = 5 WHERE \"Sequence\" = -1");
        }

        var report = await AuditVerifier.VerifyAsync(server.Options);

        Assert.Equal([(2L, AuditProblemKind.Reordered), (5L, AuditProblemKind.Reordered)], report.Problems.Select(p => (p.Sequence, p.Kind)));
        Assert.Contains("position 2 holds record 5", report.Problems[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProofEndpoints_InclusionAndConsistency_VerifyAgainstSignedCheckpoints()
    {
        await using var server = await ServerWithHistoryAsync("sqlite");
        using var op = server.Client(server.OperatorKey);
        var first = await op.GetFromJsonAsync<JsonElement[]>("/api/v1/operator/audit/checkpoints");
        await server.CreateKeyAsync((await server.CreateOrganisationAsync("Later")).AdminKey, "viewer");
        var second = await (await op.PostAsync("/api/v1/operator/audit/checkpoints", null)).Content.ReadFromJsonAsync<JsonElement>();
        var older = first![^1];
        long m = older.GetProperty("treeSize").GetInt64(), n = second.GetProperty("treeSize").GetInt64();

        var consistency = await op.GetFromJsonAsync<JsonElement>($"/api/v1/operator/audit/proofs/consistency?first={m}&second={n}");
        var inclusion = await op.GetFromJsonAsync<JsonElement>($"/api/v1/operator/audit/proofs/inclusion?index=3&treeSize={n}");

        static List<byte[]> Path(JsonElement e) => e.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
        var newRoot = Convert.FromHexString(second.GetProperty("rootHash").GetString()!);
        Assert.True(MerkleTree.VerifyConsistency(m, n, Convert.FromHexString(older.GetProperty("rootHash").GetString()!), newRoot, Path(consistency)));
        Assert.True(MerkleTree.VerifyInclusion(3, n, Convert.FromHexString(inclusion.GetProperty("leafHash").GetString()!), Path(inclusion), newRoot));
        var export = await op.GetStringAsync("/api/v1/operator/audit/checkpoints/export");
        Assert.Contains("osprey-audit-checkpoint", export, StringComparison.Ordinal);
        Assert.Contains("BEGIN PUBLIC KEY", export, StringComparison.Ordinal);
    }
}
