using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// How a case runs through its app's HTTP pipeline: the app's startup method the harness boots, the
/// handler's endpoint (a controller action by its method, a minimal-API lambda by a marker attribute),
/// and where the request carries the payload when the source is not a handler parameter.
/// </summary>
internal sealed record WebDrive
{
    /// <summary>The metadata name of the type whose <see cref="AppMethod"/> starts the app.</summary>
    public required string AppType { get; init; }

    public required string AppMethod { get; init; }

    /// <summary>The marker number of a minimal-API lambda handler; -1 for an action.</summary>
    public int Marker { get; init; } = -1;

    /// <summary>The lambda to mark (in the original tree), or null.</summary>
    public LambdaExpressionSyntax? Lambda { get; init; }

    /// <summary><c>query</c>, <c>form</c>, <c>header</c>, <c>cookie</c> or <c>route</c> when the source reads the request itself; null when it is a handler parameter.</summary>
    public string? PayloadPart { get; init; }

    /// <summary>The name of the request value <see cref="PayloadPart"/> reads.</summary>
    public string? PayloadName { get; init; }

    /// <summary>Decodings the trace applies before the sink (<c>base64</c>), in trace order: the request carries the payload encoded.</summary>
    public ImmutableArray<string> Encodings { get; init; } = [];

    /// <summary>How uploaded files are shaped: <c>zip</c>, <c>xml</c> or <c>text</c>, for the parser the handler's path feeds them to.</summary>
    public string FileShape { get; init; } = "text";

    /// <summary>Whether the case probes the response (no sink): no setup requests are sent for it.</summary>
    public bool Probe { get; init; }
}
