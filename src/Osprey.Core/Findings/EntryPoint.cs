namespace Osprey.Core.Findings;

/// <summary>How an entry point is reached from outside the program.</summary>
public enum EntryPointKind
{
    /// <summary>An HTTP route (controller action, minimal API, page handler).</summary>
    Http = 0,
    /// <summary>A command-line <c>Main</c>.</summary>
    CommandLine = 1,
    /// <summary>A public method of a library.</summary>
    PublicApi = 2,
    /// <summary>A fuzz target or parser taking untrusted bytes.</summary>
    FuzzTarget = 3,
    /// <summary>A message handler, RPC service method, hub method.</summary>
    Message = 4,
    /// <summary>Anything else.</summary>
    Other = 5,
}

/// <summary>What an entry point requires before it runs the handler.</summary>
public enum AuthRequirement
{
    /// <summary>Not known (no framework model matched).</summary>
    Unknown = 0,
    /// <summary>Reachable without signing in.</summary>
    Anonymous = 1,
    /// <summary>Any signed-in user.</summary>
    Authenticated = 2,
    /// <summary>A role or policy beyond being signed in.</summary>
    Privileged = 3,
}

/// <summary>A way into the program, recorded by Recon.</summary>
public sealed record EntryPoint
{
    /// <summary>The kind of entry point.</summary>
    public required EntryPointKind Kind { get; init; }

    /// <summary>Display name: <c>GET /api/products</c>, <c>Program.Main</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The handler's member, in the same form as <see cref="SourceLocation.Member"/>.</summary>
    public string? Handler { get; init; }

    /// <summary>Where the handler is declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>HTTP verb, for HTTP entry points.</summary>
    public string? HttpMethod { get; init; }

    /// <summary>Route template, for HTTP entry points.</summary>
    public string? Route { get; init; }

    /// <summary>What the entry point requires.</summary>
    public AuthRequirement Auth { get; init; } = AuthRequirement.Unknown;

    /// <summary>Roles or policies required, when <see cref="Auth"/> is <see cref="AuthRequirement.Privileged"/>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Whether the handler validates an anti-forgery token.</summary>
    public bool AntiForgery { get; init; }
}
