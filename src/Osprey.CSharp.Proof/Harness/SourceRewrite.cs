using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// How the trace's source is replaced by the Osprey input provider. When the source expression
/// is the whole right side of an assignment wrapped in I/O scaffolding (<c>using</c> a socket, a
/// reader, a database command; <c>try</c>/<c>catch</c>; a null check), the whole scaffolding is
/// replaced by <c>data = __Osprey.Input();</c>, so no real socket, file or database is touched.
/// </summary>
internal sealed record SourceRewrite
{
    /// <summary>The node to replace; null when the source is a parameter or a constant.</summary>
    public SyntaxNode? Target { get; init; }

    /// <summary>What replaces <see cref="Target"/>.</summary>
    public SyntaxNode? Replacement { get; init; }

    /// <summary>The method whose parameter is the source, and its index; -1 otherwise.</summary>
    public int ParameterIndex { get; init; } = -1;

    /// <summary>The member that contains the source.</summary>
    public required ISymbol Member { get; init; }

    /// <summary>Whether the "source" is a compile-time constant: no payload can come from it.</summary>
    public bool IsConstant { get; init; }

    /// <summary>Creates the rewrite; a <paramref name="site"/> of 0 or more names the source in a shared harness.</summary>
    public static SourceRewrite? Create(SyntaxNode source, SemanticModel model, int site = -1)
    {
        var member = EnclosingMember(source, model);
        if (member is null)
        {
            return null;
        }

        if (source is ParameterSyntax parameter)
        {
            var symbol = model.GetDeclaredSymbol(parameter);
            return new SourceRewrite { Member = member, ParameterIndex = symbol?.Ordinal ?? -1 };
        }

        var expression = (ExpressionSyntax)source;
        if (model.GetConstantValue(expression).HasValue || expression is LiteralExpressionSyntax)
        {
            return new SourceRewrite { Member = member, IsConstant = true };
        }

        var type = model.GetTypeInfo(expression).Type;
        var input = InputCall(type, site);
        if (expression.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == expression)
        {
            var scaffolding = Scaffolding(statement, assignment.Left);
            if (scaffolding != statement)
            {
                return Replace(member, scaffolding, assignment.Left, input);
            }
        }

        if (type is not null && type.SpecialType != SpecialType.System_String && type.TypeKind != TypeKind.Error
            && IoSource.FirstTextAssignment(expression, model) is { } text)
        {
            // The source is a socket stream, a reader or a cookie collection, not yet the text the
            // trace follows: the payload enters where the I/O code first assigns text to a variable
            // declared outside it, and that I/O code goes.
            return Replace(member, Scaffolding(text.Container, text.Variable), text.Variable, InputCall(model.GetTypeInfo(text.Variable).Type, site));
        }

        return new SourceRewrite { Member = member, Target = expression, Replacement = input.WithTriviaFrom(expression) };
    }

    private static SourceRewrite Replace(ISymbol member, StatementSyntax scaffolding, ExpressionSyntax variable, ExpressionSyntax input) => new()
    {
        Member = member,
        Target = scaffolding,
        Replacement = ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, variable.WithoutTrivia(), input)).WithTriviaFrom(scaffolding),
    };

    // The I/O code around the read: the statements of its blocks that never mention the variable
    // go with it (a listener's Start and Accept), the rest stays.
    private static StatementSyntax Scaffolding(StatementSyntax statement, ExpressionSyntax variable) =>
        OutermostScaffolding(statement, variable switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        });

    internal static ISymbol? EnclosingMember(SyntaxNode node, SemanticModel model)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax:
                    return model.GetDeclaredSymbol(ancestor);
                case PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    return model.GetDeclaredSymbol(ancestor);
            }
        }

        return null;
    }

    private static ExpressionSyntax InputCall(ITypeSymbol? type, int site)
    {
        var provider = ParseExpression("global::__Osprey");
        var arguments = site < 0 ? ArgumentList()
            : ArgumentList(SingletonSeparatedList(Argument(LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(site)))));
        if (type is null || type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Error)
        {
            return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, provider, IdentifierName("Input")), arguments);
        }

        var typeSyntax = ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        return InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, provider,
            GenericName(Identifier("Input"), TypeArgumentList(SingletonSeparatedList(typeSyntax)))), arguments);
    }

    // Climbs from the assignment through blocks, using/try/lock bodies and if-without-else whose
    // only statement it is; stops at a method body, a loop, or a block whose other statements
    // mention the assigned variable (its declaration, a later use, a sanitiser): those must stay.
    private static StatementSyntax OutermostScaffolding(StatementSyntax statement, string? variable)
    {
        var current = statement;
        while (true)
        {
            switch (current.Parent)
            {
                case BlockSyntax block when block.Parent is BlockSyntax && OthersSilent(block, current, variable):
                    current = block;
                    continue;
                case BlockSyntax block when block.Parent is UsingStatementSyntax or LockStatementSyntax or CheckedStatementSyntax or FixedStatementSyntax && OthersSilent(block, current, variable):
                    current = (StatementSyntax)block.Parent;
                    continue;
                case BlockSyntax block when block.Parent is TryStatementSyntax tryStatement && tryStatement.Block == block && OthersSilent(block, current, variable):
                    current = tryStatement;
                    continue;
                case BlockSyntax block when block.Parent is IfStatementSyntax { Else: null } ifStatement && block.Statements.Count == 1:
                    current = ifStatement;
                    continue;
                case UsingStatementSyntax or LockStatementSyntax:
                    current = (StatementSyntax)current.Parent;
                    continue;
                case IfStatementSyntax { Else: null } ifStatement when ifStatement.Statement == current:
                    current = ifStatement;
                    continue;
                default:
                    return current;
            }
        }
    }

    private static bool OthersSilent(BlockSyntax block, StatementSyntax current, string? variable) =>
        variable is null
            ? block.Statements.Count == 1
            : block.Statements.Where(s => s != current).All(s => !s.DescendantNodesAndSelf().Any(n =>
                n is IdentifierNameSyntax i && i.Identifier.ValueText == variable || n is VariableDeclaratorSyntax d && d.Identifier.ValueText == variable));
}
