using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Osprey.Core.Findings;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Finds the syntax a trace step points at: the tree by its path relative to the scan root, and
/// the source expression or sink call by line and column (or, when columns are unknown, the most
/// likely candidate on the line).
/// </summary>
internal static class TraceLocator
{
    public static SyntaxTree? FindTree(CSharpCompilation compilation, SourceLocation location)
    {
        var wanted = location.FilePath.Replace('\\', '/').TrimStart('/');
        return compilation.SyntaxTrees.FirstOrDefault(t => Normalise(t.FilePath) == wanted)
            ?? compilation.SyntaxTrees.FirstOrDefault(t => Normalise(t.FilePath).EndsWith("/" + wanted, StringComparison.Ordinal));
    }

    private static string Normalise(string path) => path.Replace('\\', '/');

    /// <summary>The span of <paramref name="location"/>, or of its whole lines when columns are unknown.</summary>
    public static (TextSpan Span, bool Exact) SpanOf(SyntaxTree tree, SourceLocation location)
    {
        var text = tree.GetText();
        var first = Math.Clamp(location.StartLine - 1, 0, text.Lines.Count - 1);
        var last = Math.Clamp(location.LastLine - 1, first, text.Lines.Count - 1);
        if (location.StartColumn > 0 && location.EndColumn > 0)
        {
            var start = text.Lines[first].Start + location.StartColumn - 1;
            var end = text.Lines[last].Start + location.EndColumn - 1;
            if (start <= end && end <= text.Length)
            {
                return (TextSpan.FromBounds(start, end), true);
            }
        }

        return (TextSpan.FromBounds(text.Lines[first].Start, text.Lines[last].End), false);
    }

    /// <summary>The source: an expression that yields attacker data, or a parameter that receives it.</summary>
    public static SyntaxNode? FindSource(SyntaxTree tree, SourceLocation location)
    {
        var (span, exact) = SpanOf(tree, location);
        var root = tree.GetRoot();
        if (exact)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            // An action's parameter, reported at its name (attributes and type come before it).
            if (node.FirstAncestorOrSelf<ParameterSyntax>() is { } parameter && parameter.Identifier.Span.IntersectsWith(span))
            {
                return parameter;
            }

            for (var n = node; n is not null && n.Span.Start >= span.Start - 1; n = n.Parent)
            {
                if (n is ParameterSyntax)
                {
                    return n;
                }

                if (n is ExpressionSyntax expression && n.Span.Contains(span) && n is not ArgumentListSyntax)
                {
                    return expression is IdentifierNameSyntax && n.Parent is MemberAccessExpressionSyntax access && access.Name == n ? access : expression;
                }
            }
        }

        var onLine = root.DescendantNodes(span).Where(n => span.Contains(n.Span.Start)).ToList();
        var assigned = onLine.Select(n => n switch
        {
            AssignmentExpressionSyntax { Right: var right } a when a.IsKind(SyntaxKind.SimpleAssignmentExpression) => right,
            VariableDeclaratorSyntax { Initializer.Value: var value } => value,
            _ => null,
        }).FirstOrDefault(e => e is not null);
        if (assigned is not null)
        {
            return assigned;
        }

        return onLine.OfType<ParameterSyntax>().FirstOrDefault()
            ?? (SyntaxNode?)onLine.FirstOrDefault(n => n is InvocationExpressionSyntax or ElementAccessExpressionSyntax or MemberAccessExpressionSyntax);
    }

    /// <summary>The sink: a call, an object creation, or an assignment to a property or indexer.</summary>
    public static SyntaxNode? FindSink(SyntaxTree tree, SemanticModel model, SourceLocation location)
    {
        var (span, exact) = SpanOf(tree, location);
        var candidates = tree.GetRoot().DescendantNodes(span)
            .Where(n => n.Span.IntersectsWith(span) && IsSinkShape(n, model))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        if (exact)
        {
            return candidates.FirstOrDefault(n => n.Span == span)
                ?? candidates.Where(n => n.Span.Contains(span)).OrderBy(n => n.Span.Length).FirstOrDefault()
                ?? candidates.OrderBy(n => n.Span.Length).First();
        }

        // A whole line: calls before property assignments (`result = cmd.ExecuteNonQuery()` is the call),
        // and the outermost call (`Process.Start(Build(x))` is the Start).
        return candidates.Where(n => n.SpanStart >= span.Start && n is not AssignmentExpressionSyntax).OrderBy(n => n.SpanStart).ThenByDescending(n => n.Span.Length).FirstOrDefault()
            ?? candidates.OrderBy(n => n.SpanStart).First();
    }

    private static bool IsSinkShape(SyntaxNode node, SemanticModel model) => node switch
    {
        InvocationExpressionSyntax => true,
        BaseObjectCreationExpressionSyntax => true,
        AssignmentExpressionSyntax { Left: var left } a when a.IsKind(SyntaxKind.SimpleAssignmentExpression) || a.IsKind(SyntaxKind.AddAssignmentExpression) =>
            model.GetSymbolInfo(left).Symbol is IPropertySymbol,
        _ => false,
    };
}
