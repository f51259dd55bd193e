using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osprey.Core.Findings;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// Findings proven by the HTTP response rather than at a sink: a cookie set without <c>Secure</c> or
/// <c>HttpOnly</c>, exception details returned to the client. The harness sends the action's request
/// with harmless values (and uploads no parser accepts, so an import fails) and the response is judged.
/// </summary>
internal static class ResponseProbes
{
    private static readonly HashSet<string> Rules = new(StringComparer.Ordinal)
    {
        "cs/cookie-without-secure", "cs/cookie-without-httponly", "cs/error-details-exposure",
    };

    /// <summary>The one request a probe sends: harmless values everywhere.</summary>
    public static Payload Harmless { get; } = new("osprey", "is a request with harmless values");

    public static bool Supports(Finding finding) =>
        Rules.Contains(finding.RuleId) && finding.EntryPoint is { Kind: EntryPointKind.Http };

    /// <summary>The probe's case: the action that contains the finding, driven over HTTP, with nothing rewritten.</summary>
    public static (LocatedCase? Case, string? Problem) Locate(CSharpCompilation compilation, CallGraph graph, Finding finding)
    {
        if (TraceLocator.FindTree(compilation, finding.Location) is not { } tree)
        {
            return (null, $"the file {finding.Location.FilePath} is not in the compilation");
        }

        var node = tree.GetRoot().FindNode(TraceLocator.SpanOf(tree, finding.Location).Span, getInnermostNodeForTie: true);
        if (SourceRewrite.EnclosingMember(node, graph.Model(tree)) is not IMethodSymbol action || !WebCases.IsAction(action))
        {
            return (null, "the finding is not inside a controller action, so no request reaches it");
        }

        return (new LocatedCase
        {
            Source = new SourceRewrite { Member = action },
            SourceSite = HarnessSites.NoSource,
            Sink = null,
            Entry = action,
            PayloadParameter = -1,
            Trees = [tree],
            Protected = [.. action.DeclaringSyntaxReferences.Select(r => (Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax)r.GetSyntax())],
        }, null);
    }
}
