using System.Text.Json;
using System.Text.Json.Serialization;
using Osprey.Server;

namespace Osprey.Cli.Commands.Serve;

/// <summary>
/// Reads the dashboard's OpenID Connect settings for <c>osprey serve --oidc-config</c> from a JSON
/// file shaped like <see cref="OidcSignInOptions"/>. The client secret may instead come from the
/// <c>OSPREY_OIDC_CLIENT_SECRET</c> environment variable, so that the file can be kept in a repository.
/// </summary>
internal static class OidcConfigFile
{
    /// <summary>The environment variable that supplies the client secret when the file has none.</summary>
    public const string ClientSecretVariable = "OSPREY_OIDC_CLIENT_SECRET";

    // Unknown members are refused: a misspelt "mappings" would otherwise refuse everyone silently.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Loads and validates the settings in <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The file is missing, is not valid JSON of this shape, or describes invalid settings; the message says which and where.</exception>
    public static OidcSignInOptions Load(string path, Func<string, string?> environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"cannot read the OIDC settings file '{path}': {ex.Message}", ex);
        }

        OidcSignInOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<OidcSignInOptions>(text, Json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            throw new ArgumentException($"the OIDC settings file '{path}' is not valid{where}: {ex.Message}", ex);
        }

        if (options is null)
        {
            throw new ArgumentException($"the OIDC settings file '{path}' holds null instead of an object.");
        }

        if (options.ClientSecret is null && environment(ClientSecretVariable) is { Length: > 0 } secret)
        {
            options = options with { ClientSecret = secret };
        }

        var problems = options.Validate();
        return problems.Count == 0
            ? options
            : throw new ArgumentException($"the OIDC settings file '{path}' is not usable: {string.Join(" ", problems)}");
    }
}
