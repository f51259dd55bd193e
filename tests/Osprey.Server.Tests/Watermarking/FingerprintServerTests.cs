using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Osprey.Server.Tests.Support;
using Osprey.Server.Watermarking;

namespace Osprey.Server.Tests.Watermarking;

/// <summary>Output fingerprints on what the running server returns, and attribution over the operator API.</summary>
public sealed class FingerprintServerTests
{
    [Fact]
    public async Task FindingRead_SameFindingForTwoOrganisations_CarriesEachOrganisationsFingerprint()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (orgA, messageA) = await ReadFindingMessageAsync(server, "Alpha");
        var (orgB, messageB) = await ReadFindingMessageAsync(server, "Beta");
        using var op = server.Client(server.OperatorKey);

        var matchA = await IdentifyAsync(op, messageA);
        var matchB = await IdentifyAsync(op, messageB);

        Assert.NotEqual(messageA, messageB);
        Assert.Equal((orgA.ToString(), true), (matchA.GetProperty("orgId").GetString(), matchA.GetProperty("confident").GetBoolean()));
        Assert.Equal((orgB.ToString(), true), (matchB.GetProperty("orgId").GetString(), matchB.GetProperty("confident").GetBoolean()));
    }

    [Fact]
    public async Task Identify_TextWithoutFingerprint_AttributesNobody()
    {
        await using var server = await OspreyTestServer.StartAsync();
        await ReadFindingMessageAsync(server, "Alpha");
        using var op = server.Client(server.OperatorKey);

        var match = await IdentifyAsync(op, "Input reaches EXEC( at line 3. The payload reached EXEC( unescaped.");

        Assert.False(match.GetProperty("confident").GetBoolean());
    }

    [Fact]
    public async Task KeyList_ServedToOperators_IdentifiesThroughTheCommandCore()
    {
        await using var server = await OspreyTestServer.StartAsync();
        var (org, message) = await ReadFindingMessageAsync(server, "Alpha");
        using var op = server.Client(server.OperatorKey);

        var list = await op.GetStringAsync("/api/v1/operator/fingerprint/keys");

        Assert.True(FingerprintIdentifyCommandCore.TryParseKeyList(list, out var keys, out var errors), string.Join("; ", errors));
        var (exit, match, _) = FingerprintIdentifyCommandCore.Run(message, keys);
        Assert.Equal((FingerprintIdentifyCommandCore.ExitAttributed, org.ToString()), (exit, match.OrgId));
    }

    private static async Task<(Guid Org, string Message)> ReadFindingMessageAsync(OspreyTestServer server, string name)
    {
        var (org, admin) = await server.CreateOrganisationAsync(name);
        var asset = (await server.RegisterAssetAsync(admin, "lib-" + name)).GetProperty("id").GetGuid();
        var scan = await server.ScanAsync(admin, asset, TestArchives.Zip(("app.cs", TestArchives.Source("a"))));
        using var client = server.Client(admin);
        var finding = (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/scans/{scan.GetProperty("id")}/findings"))!.Single();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/findings/{finding.GetProperty("id")}");
        return (org, detail.GetProperty("message").GetString()!);
    }

    private static async Task<JsonElement> IdentifyAsync(HttpClient op, string text)
    {
        var response = await op.PostAsync("/api/v1/operator/fingerprint/identify", new StringContent(text, Encoding.UTF8, "text/plain"));
        await OspreyTestServer.EnsureAsync(response, System.Net.HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
