using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.Bench.Juliet;

/// <summary>
/// Finds a Juliet file's bad and good code from its syntax tree: blocks guarded by
/// <c>#if (!OMITBAD)</c> / <c>#if (!OMITGOOD)</c>, methods named <c>Bad*</c> / <c>Good*</c>
/// (which covers <c>GoodG2B*</c> and <c>GoodB2G*</c>), and the per-role classes of variant 81
/// (<c>…_81_bad</c>, <c>…_81_goodG2B</c>, <c>…_81_goodB2G</c>).
/// </summary>
internal static class JulietRegionExtractor
{
    /// <summary>Parses <paramref name="text"/> (neither OMIT symbol defined, as when Juliet is built whole) and returns its regions.</summary>
    public static FileRegions Extract(string text) => Extract(Parse(text));

    /// <summary>Parses a Juliet file as the whole suite is built: neither OMIT symbol defined.</summary>
    public static SyntaxTree Parse(string text) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>The regions of a parsed file.</summary>
    public static FileRegions Extract(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        var regions = ImmutableArray.CreateBuilder<LineRegion>();
        AddDirectiveRegions(root, regions);
        foreach (var node in root.DescendantNodes(n => n is not BaseMethodDeclarationSyntax))
        {
            var kind = node switch
            {
                MethodDeclarationSyntax method => KindOfName(method.Identifier.ValueText),
                TypeDeclarationSyntax type => KindOfClassName(type.Identifier.ValueText),
                _ => null,
            };
            if (kind is { } k)
            {
                regions.Add(RegionOf(node, k));
            }
        }

        return new FileRegions(regions.ToImmutable());
    }

    /// <summary>The kind a method name marks: <c>Bad*</c> is bad, <c>Good*</c> is good, anything else neither.</summary>
    public static RegionKind? KindOfName(string name) =>
        name.StartsWith("bad", StringComparison.OrdinalIgnoreCase) ? RegionKind.Bad
        : name.StartsWith("good", StringComparison.OrdinalIgnoreCase) ? RegionKind.Good
        : null;

    private static RegionKind? KindOfClassName(string name)
    {
        var role = name.LastIndexOf('_') is var i and >= 0 ? name[(i + 1)..] : "";
        return role == "bad" ? RegionKind.Bad
            : role.StartsWith("good", StringComparison.Ordinal) ? RegionKind.Good
            : null;
    }

    private static void AddDirectiveRegions(SyntaxNode root, ImmutableArray<LineRegion>.Builder regions)
    {
        foreach (var directive in root.DescendantTrivia(descendIntoTrivia: true).Select(t => t.GetStructure()).OfType<IfDirectiveTriviaSyntax>())
        {
            var condition = directive.Condition.ToString();
            RegionKind? kind = condition.Contains("OMITBAD", StringComparison.Ordinal) ? RegionKind.Bad
                : condition.Contains("OMITGOOD", StringComparison.Ordinal) ? RegionKind.Good
                : null;
            var end = directive.GetRelatedDirectives().LastOrDefault();
            if (kind is { } k && end is not null && end != directive)
            {
                regions.Add(new LineRegion(k, LineOf(directive.SpanStart, root), LineOf(end.SpanStart, root)));
            }
        }
    }

    private static LineRegion RegionOf(SyntaxNode node, RegionKind kind)
    {
        var span = node.GetLocation().GetLineSpan();
        return new LineRegion(kind, span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1);
    }

    private static int LineOf(int position, SyntaxNode root) =>
        root.SyntaxTree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1;
}
