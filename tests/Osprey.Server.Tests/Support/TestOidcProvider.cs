using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Osprey.Server.Tests.Support;

/// <summary>
/// A small OpenID Connect provider on 127.0.0.1 for the sign-in tests: a discovery document, a
/// JWKS with one RSA key, an authorize endpoint that signs in <see cref="NextPerson"/> at once and
/// redirects back with a one-time code, and a token endpoint that checks the client secret, the
/// redirect URI and the PKCE verifier before returning an RS256-signed id token with the nonce.
/// </summary>
internal sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "osprey-dashboard";
    public const string ClientSecret = "test-client-secret";
    private const string KeyId = "test-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _forgeryKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private int _tokensIssued;

    private TestOidcProvider(WebApplication app) => _app = app;

    public string Issuer => _app.Urls.First();

    /// <summary>The claims of whoever signs in next (besides iss, sub, aud, exp, iat, nonce).</summary>
    public Dictionary<string, object> NextPerson { get; set; } = new() { ["sub"] = "person-1", ["email"] = "alice@example.org", ["email_verified"] = true };

    /// <summary>Signs id tokens with a key that is not in the JWKS, as a forger would.</summary>
    public bool SignWithUnpublishedKey { get; set; }

    /// <summary>How many tokens the token endpoint issued.</summary>
    public int TokensIssued => _tokensIssued;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new TestOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Jwks);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.TokenAsync);
        await app.StartAsync();
        return provider;
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = Issuer + "/authorize",
        ["token_endpoint"] = Issuer + "/token",
        ["jwks_uri"] = Issuer + "/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
    });

    private IResult Jwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest("bad authorization request");
        var code = B64(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(q["redirect_uri"]!, q["nonce"]!, q["code_challenge"]!, new Dictionary<string, object>(NextPerson));
        return Results.Redirect($"{q["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(q["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var secret = form["client_secret"].ToString();
        if (request.Headers.Authorization.ToString() is { Length: > 6 } basic && basic.StartsWith("Basic ", StringComparison.Ordinal))
            secret = Uri.UnescapeDataString(Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2)[1]);
        if (form["grant_type"] != "authorization_code" || secret != ClientSecret || !_codes.TryRemove(form["code"].ToString(), out var grant)
            || form["redirect_uri"] != grant.RedirectUri || B64(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        Interlocked.Increment(ref _tokensIssued);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>(grant.Person) { ["iss"] = Issuer, ["aud"] = ClientId, ["iat"] = now, ["exp"] = now + 300, ["nonce"] = grant.Nonce };
        return Results.Json(new { access_token = B64(RandomNumberGenerator.GetBytes(16)), token_type = "Bearer", expires_in = 300, id_token = Sign(claims) });
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
        var payload = B64(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = (SignWithUnpublishedKey ? _forgeryKey : _key).SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{B64(signature)}";
    }

    private static string B64(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
        _forgeryKey.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Nonce, string Challenge, Dictionary<string, object> Person);
}
