using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Osprey.Server.Api;

namespace Osprey.Server.Keys;

/// <summary>
/// Authenticates <c>Authorization: Bearer osp_…</c> (or <c>X-Api-Key</c>). Failures are answered
/// with a problem naming the reason: unknown, expired or revoked key, or an organisation that is
/// not active.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string FailureItem = "osprey.auth-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey();
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = await validator.ValidateAsync(key, Context, Context.RequestAborted).ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            Context.Items[FailureItem] = failure;
            return AuthenticateResult.Fail(failure.Title);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.Identity!), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureItem] as KeyFailure
            ?? new KeyFailure(401, "key-missing", "An API key is required.", "Send 'Authorization: Bearer osp_…' with a key issued to your organisation.");
        if (failure.Status == 401)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        return ApiProblem.WriteAsync(Context, failure.Status, failure.Code, failure.Title, failure.Hint);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblem.WriteAsync(Context, 403, "forbidden", "This key's role may not do that.", "Ask your organisation's admin for a key with the needed role.");

    private string? ReadKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        var apiKey = Request.Headers["X-Api-Key"].ToString();
        return apiKey.Length > 0 ? apiKey.Trim() : null;
    }
}

/// <summary>Why a key was refused.</summary>
internal sealed record KeyFailure(int Status, string Code, string Title, string Hint);
