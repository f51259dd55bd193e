using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// A source that is a minimal-API handler's parameter. The engine reports such a source at the
/// <c>MapPost(…)</c> call or at the lambda's parameter; either way the payload enters through the
/// lambda parameter the trace's next step uses (else its first string parameter), and the lambda is
/// the entry point, driven through its endpoint.
/// </summary>
internal static class MinimalApiSource
{
    private static readonly HashSet<string> MapMethods = new(StringComparer.Ordinal)
    {
        "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback",
    };

    /// <summary>The lambda parameter that receives the payload, or null when the source is not a minimal-API handler's.</summary>
    public static ParameterSyntax? Parameter(SyntaxNode source, SemanticModel model, Finding finding)
    {
        if (source is ParameterSyntax { Parent.Parent: LambdaExpressionSyntax own } parameter)
        {
            return IsHandler(own) ? parameter : null;
        }

        var map = source.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(IsMapCall);
        if (map?.ArgumentList.Arguments.LastOrDefault()?.Expression is not LambdaExpressionSyntax lambda || lambda.Body.Span.Contains(source.Span))
        {
            return null;
        }

        var parameters = Parameters(lambda);
        if (parameters.Count == 0)
        {
            return null;
        }

        if (finding.Trace.Length > 1 && lambda.SyntaxTree.GetRoot().FindNode(TraceLocator.SpanOf(lambda.SyntaxTree, finding.Trace[1].Location).Span) is { } next)
        {
            // The parameters the next step uses, text before services (`fetcher.FetchAsync(url, ct)` passes `url`).
            var used = next.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Select(i => parameters.FirstOrDefault(p => p.Identifier.ValueText == i.Identifier.ValueText && model.GetSymbolInfo(i).Symbol is IParameterSymbol))
                .OfType<ParameterSyntax>()
                .ToList();
            if ((used.FirstOrDefault(p => p.Type is PredefinedTypeSyntax) ?? used.FirstOrDefault()) is { } chosen)
            {
                return chosen;
            }
        }

        return parameters.FirstOrDefault(p => p.Type is PredefinedTypeSyntax { Keyword.ValueText: "string" }) ?? parameters[0];
    }

    public static bool IsHandler(LambdaExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } && IsMapCall(invocation);

    private static bool IsMapCall(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => MapMethods.Contains(access.Name.Identifier.ValueText),
        IdentifierNameSyntax name => MapMethods.Contains(name.Identifier.ValueText),
        _ => false,
    };

    private static IReadOnlyList<ParameterSyntax> Parameters(LambdaExpressionSyntax lambda) => lambda switch
    {
        ParenthesizedLambdaExpressionSyntax p => p.ParameterList.Parameters,
        SimpleLambdaExpressionSyntax s => [s.Parameter],
        _ => [],
    };
}
