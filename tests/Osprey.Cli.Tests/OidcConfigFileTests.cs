using Osprey.Cli.Commands.Serve;
using Osprey.Cli.Tests.Support;
using Osprey.Tests.Shared;

namespace Osprey.Cli.Tests;

public sealed class OidcConfigFileTests
{
    private const string OrganisationId = "6f1c2d3e-0000-4000-8000-000000000001";

    private static string ValidJson(string secretMember = "") => $$"""
        {
          "authority": "https://login.example.org/realms/staff",
          "clientId": "osprey-dashboard",{{secretMember}}
          "mappings": [
            { "claim": "groups", "value": "osprey-operators", "role": "operator" },
            { "claim": "email", "value": "*@example.org", "role": "analyst", "organisationId": "{{OrganisationId}}", "exploitCleared": true }
          ]
        }
        """;

    [Fact]
    public void Load_ValidFile_MapsEverySetting()
    {
        using var folder = new TempFolder();
        var path = folder.Write("oidc.json", ValidJson("\n  \"clientSecret\": \"s3cret\","));

        var options = OidcConfigFile.Load(path, _ => null);

        Assert.Equal("https://login.example.org/realms/staff", options.Authority);
        Assert.Equal("s3cret", options.ClientSecret);
        Assert.Equal(2, options.Mappings.Count);
        Assert.Equal("operator", options.Mappings[0].Role);
        Assert.Equal(Guid.Parse(OrganisationId), options.Mappings[1].OrganisationId);
        Assert.True(options.Mappings[1].ExploitCleared);
    }

    [Fact]
    public void Load_NoSecretInFile_TakesItFromTheEnvironment()
    {
        using var folder = new TempFolder();
        var path = folder.Write("oidc.json", ValidJson());

        var options = OidcConfigFile.Load(path, name => name == OidcConfigFile.ClientSecretVariable ? "from-env" : null);

        Assert.Equal("from-env", options.ClientSecret);
    }

    [Fact]
    public void Load_MisspeltMember_RefusedNamingIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("oidc.json", ValidJson().Replace("\"mappings\"", "\"mapings\""));

        var error = Assert.Throws<ArgumentException>(() => OidcConfigFile.Load(path, _ => null));

        Assert.Contains("mapings", error.Message);
    }

    [Fact]
    public void Load_MalformedJson_RefusedWithLine()
    {
        using var folder = new TempFolder();
        var path = folder.Write("oidc.json", "{\n  \"authority\": \n}");

        var error = Assert.Throws<ArgumentException>(() => OidcConfigFile.Load(path, _ => null));

        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Load_MappingWithoutOrganisation_RefusedWithTheProblem()
    {
        using var folder = new TempFolder();
        var path = folder.Write("oidc.json", ValidJson().Replace($", \"organisationId\": \"{OrganisationId}\"", ""));

        var error = Assert.Throws<ArgumentException>(() => OidcConfigFile.Load(path, _ => null));

        Assert.Contains("organisation id is required", error.Message);
    }

    [Fact]
    public async Task Serve_UnreadableOidcConfig_UsageErrorBeforeStarting()
    {
        using var folder = new TempFolder();

        var run = await CliRun.RunAsync([new MarkerEngine()], "serve", "--data", folder.Path, "--oidc-config", Path.Combine(folder.Path, "missing.json"));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("cannot read the OIDC settings file", run.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }
}
