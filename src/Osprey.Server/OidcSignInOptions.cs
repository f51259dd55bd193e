namespace Osprey.Server;

/// <summary>
/// Dashboard sign-in through an OpenID Connect provider (authorization code flow with PKCE).
/// A signed-in person gets the organisation and role of the first <see cref="Mappings"/> entry
/// whose claim matches; a person no entry matches is refused.
/// </summary>
public sealed record OidcSignInOptions
{
    /// <summary>The provider's issuer URL; its discovery document is read from <c>/.well-known/openid-configuration</c> under it. Must be https (http only on loopback, for tests).</summary>
    public required string Authority { get; init; }

    /// <summary>The client id registered with the provider; the redirect URI to register is <c>{server}/dashboard/signin-oidc</c>.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret, or null for a public client (PKCE only).</summary>
    /// <value>Null.</value>
    public string? ClientSecret { get; init; }

    /// <summary>The provider's name on the sign-in button.</summary>
    /// <value><c>single sign-on</c>.</value>
    public string DisplayName { get; init; } = "single sign-on";

    /// <summary>Scopes requested besides <c>openid</c>.</summary>
    /// <value><c>email</c> and <c>profile</c>.</value>
    public IReadOnlyList<string> Scopes { get; init; } = ["email", "profile"];

    /// <summary>
    /// Whether a mapping on the <c>email</c> claim matches only when the provider also says
    /// <c>email_verified: true</c>, so that an address a person merely typed in grants nothing.
    /// </summary>
    /// <value>True.</value>
    public bool RequireVerifiedEmail { get; init; } = true;

    /// <summary>Who gets which organisation and role, tried in order; the first match wins.</summary>
    /// <value>Empty (everyone is refused).</value>
    public IReadOnlyList<OidcRoleMapping> Mappings { get; init; } = [];

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || !(authority.Scheme == "https" || (authority.Scheme == "http" && authority.IsLoopback)))
            problems.Add($"The OIDC authority '{Authority}' must be an absolute https URL (http only on loopback).");
        if (string.IsNullOrWhiteSpace(ClientId)) problems.Add("The OIDC client id is required.");
        if (Mappings.Count == 0) problems.Add("OIDC sign-in needs at least one claim mapping; without one everyone would be refused.");
        foreach (var (mapping, index) in Mappings.Select((m, i) => (m, i + 1)))
        {
            problems.AddRange(mapping.Validate().Select(p => $"OIDC mapping {index}: {p}"));
        }

        return problems;
    }
}

/// <summary>
/// Maps people whose <see cref="Claim"/> equals <see cref="Value"/> (for <c>email</c>
/// case-insensitively; <c>*@example.org</c> matches a whole domain) to an organisation and role.
/// A multi-valued claim such as <c>groups</c> matches when any value does.
/// </summary>
/// <param name="Claim">The id token claim to look at, such as <c>email</c> or <c>groups</c>.</param>
/// <param name="Value">The value to match.</param>
/// <param name="Role"><c>org-admin</c>, <c>analyst</c>, <c>viewer</c>, or <c>operator</c>.</param>
/// <param name="OrganisationId">The organisation; must be null for <c>operator</c> (the operators' organisation) and set otherwise.</param>
/// <param name="ExploitCleared">Whether the session may see proofs and payloads.</param>
public sealed record OidcRoleMapping(string Claim, string Value, string Role, Guid? OrganisationId = null, bool ExploitCleared = false)
{
    /// <summary>The role names a mapping may give.</summary>
    public static IReadOnlyList<string> RoleNames { get; } = ["org-admin", "analyst", "viewer", "operator"];

    /// <summary>Returns every problem with this mapping, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Claim) || string.IsNullOrWhiteSpace(Value)) problems.Add("a claim and a value are required.");
        if (!RoleNames.Contains(Role)) problems.Add($"role '{Role}' is not one of {string.Join(", ", RoleNames)}.");
        if (Role == "operator" && OrganisationId is not null) problems.Add("an operator mapping names no organisation (operators belong to the operators' organisation).");
        if (Role != "operator" && OrganisationId is null) problems.Add("an organisation id is required.");
        return problems;
    }
}
