using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// A source that reads the request itself — <c>Request.Cookies["cart"]</c>, <c>Request.Query["q"]</c>,
/// <c>Request.Headers.TryGetValue("X-Id", out …)</c> — with a constant name: the request the harness sends
/// carries the payload there, and the source is left as it is.
/// </summary>
internal static class RequestReads
{
    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["Query"] = "query", ["Form"] = "form", ["Cookies"] = "cookie", ["Headers"] = "header", ["RouteValues"] = "route",
    };

    private const int MaxLevels = 3;

    /// <summary>The request part and value name the source reads, or null.</summary>
    public static (string Part, string Name)? Of(SyntaxNode source, SemanticModel model)
    {
        var level = 0;
        for (var node = source; node is not null && level++ <= MaxLevels; node = node.Parent)
        {
            // `Request.Cookies["x"]` reported as the whole element access, or `Request.Cookies` inside it.
            var access = node switch
            {
                MemberAccessExpressionSyntax member => member,
                ElementAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member,
                _ => null,
            };
            if (access is not null && Parts.TryGetValue(access.Name.Identifier.ValueText, out var part)
                && model.GetSymbolInfo(access).Symbol is IPropertySymbol { ContainingType.Name: "HttpRequest" or "HttpContext" or "HttpRequestBase" }
                && NameRead(access, model) is { } name)
            {
                return (part, name);
            }
        }

        return null;
    }

    // The constant name of `collection[name]` or `collection.TryGetValue(name, …)`.
    private static string? NameRead(MemberAccessExpressionSyntax collection, SemanticModel model)
    {
        var argument = collection.Parent switch
        {
            ElementAccessExpressionSyntax element => element.ArgumentList.Arguments.FirstOrDefault()?.Expression,
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } => call.ArgumentList.Arguments.FirstOrDefault()?.Expression,
            _ => null,
        };
        return argument is not null && model.GetConstantValue(argument) is { HasValue: true, Value: string name } ? name : null;
    }
}
