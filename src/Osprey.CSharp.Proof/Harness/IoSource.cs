using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// For a source that yields an I/O object (a stream, a reader, a cookie collection): the first
/// statement after it, within the statements around it, that assigns to a string variable declared
/// outside them — <c>data = sr.ReadLine();</c> inside <c>using (var sr = new StreamReader(tcp.GetStream()))</c>.
/// </summary>
internal static class IoSource
{
    private const int MaxLevels = 6;

    public static (StatementSyntax Container, ExpressionSyntax Variable)? FirstTextAssignment(ExpressionSyntax source, SemanticModel model)
    {
        var container = source.FirstAncestorOrSelf<StatementSyntax>();
        for (var level = 0; container is not null && level < MaxLevels; level++)
        {
            var assignment = container.DescendantNodesAndSelf()
                .OfType<AssignmentExpressionSyntax>()
                .Where(a => a.IsKind(SyntaxKind.SimpleAssignmentExpression) && a.Parent is ExpressionStatementSyntax && a.SpanStart > source.SpanStart)
                .FirstOrDefault(a => a.Left is IdentifierNameSyntax && DeclaredOutside(model.GetSymbolInfo(a.Left).Symbol, container));
            if (assignment is not null)
            {
                return (container, assignment.Left);
            }

            // Widen to the enclosing statement, but never past a loop or the method body.
            container = container.Parent switch
            {
                BlockSyntax { Parent: BlockSyntax } block => block,
                BlockSyntax { Parent: UsingStatementSyntax or TryStatementSyntax or LockStatementSyntax or IfStatementSyntax } block => (StatementSyntax)block.Parent!,
                UsingStatementSyntax or LockStatementSyntax or IfStatementSyntax => (StatementSyntax)container.Parent,
                _ => null,
            };
        }

        return null;
    }

    private static bool DeclaredOutside(ISymbol? symbol, SyntaxNode container) =>
        symbol is ILocalSymbol { Type.SpecialType: SpecialType.System_String } or IFieldSymbol { Type.SpecialType: SpecialType.System_String } or IParameterSymbol { Type.SpecialType: SpecialType.System_String }
        && symbol.DeclaringSyntaxReferences.All(r => r.SyntaxTree != container.SyntaxTree || !container.Span.Contains(r.Span));
}
