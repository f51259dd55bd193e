using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// XML input documents a program opens from a fixed file (Juliet's XPath cases read
/// <c>../../CWE643_Xpath_Injection__Helper.xml</c>, which nothing ships): <c>new XPathDocument(path)</c>
/// becomes <c>__Osprey.XPathDocument(path)</c>, which opens the file when it exists and an empty
/// document otherwise. An XPath oracle judges the query the sink receives, never the document, so
/// the stand-in lets the program reach its sink without deciding any verdict.
/// </summary>
internal static class InputFileRewrite
{
    private const string XPathDocument = "System.Xml.XPath.XPathDocument";

    /// <summary>The document constructions in <paramref name="tree"/> and how each is replaced.</summary>
    public static IEnumerable<(SyntaxNode Node, Func<SyntaxNode, SyntaxNode> Rewrite)> In(SyntaxTree tree, SemanticModel model) =>
        tree.GetRoot().DescendantNodes()
            .OfType<ObjectCreationExpressionSyntax>()
            .Where(c => c.Type.ToString().EndsWith("XPathDocument", StringComparison.Ordinal) && c.Initializer is null && c.ArgumentList is { Arguments.Count: 1 })
            .Where(c => model.GetSymbolInfo(c).Symbol is IMethodSymbol { Parameters: [{ Type.SpecialType: SpecialType.System_String }] } constructor
                && constructor.ContainingType.ToDisplayString() == XPathDocument)
            .Select(c => ((SyntaxNode)c, (Func<SyntaxNode, SyntaxNode>)Replace));

    private static SyntaxNode Replace(SyntaxNode rewritten) =>
        InvocationExpression(ParseExpression("global::__Osprey.XPathDocument"), ((ObjectCreationExpressionSyntax)rewritten).ArgumentList!)
            .WithTriviaFrom(rewritten);
}
