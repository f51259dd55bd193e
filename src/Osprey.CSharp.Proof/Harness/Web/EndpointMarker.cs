using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// Marks a minimal-API lambda with <c>[__OspreyEndpoint(n)]</c>: ASP.NET Core copies a handler's
/// attributes into its endpoint's metadata, so the harness finds the endpoint that runs the lambda
/// however its route was composed (groups, prefixes).
/// </summary>
internal static class EndpointMarker
{
    public static LambdaExpressionSyntax Mark(LambdaExpressionSyntax lambda, int marker)
    {
        var parenthesized = lambda switch
        {
            // An attribute needs a parenthesised parameter list: `x => …` becomes `(x) => …`.
            SimpleLambdaExpressionSyntax simple => ParenthesizedLambdaExpression(simple.AttributeLists, simple.Modifiers, null,
                ParameterList(SingletonSeparatedList(simple.Parameter.WithoutTrivia())), simple.ArrowToken, simple.Block, simple.ExpressionBody).WithTriviaFrom(simple),
            _ => lambda,
        };
        var attribute = Attribute(ParseName("global::__OspreyEndpoint"), AttributeArgumentList(SingletonSeparatedList(
            AttributeArgument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(marker))))));
        return parenthesized.AddAttributeLists(AttributeList(SingletonSeparatedList(attribute)).WithTrailingTrivia(Space));
    }
}
