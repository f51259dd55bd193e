using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Osprey.CSharp.Recon;

/// <summary>
/// The syntax nodes of one tree that recon looks at more closely, gathered in a single walk so that
/// large code bases are read once: candidate handler classes, <c>Main</c> methods, routing and
/// authorization calls, fallback-policy assignments, top-level statements.
/// </summary>
internal sealed class ReconSyntaxIndex : CSharpSyntaxWalker
{
    private static readonly HashSet<string> InterestingCalls = new(StringComparer.Ordinal)
    {
        "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback",
        "SetFallbackPolicy", "AuthorizeFolder", "AuthorizePage", "AllowAnonymousToPage", "AllowAnonymousToFolder", "Add",
    };

    /// <summary>Classes that may hold handlers (they have a base type, attributes or a telling name).</summary>
    public List<ClassDeclarationSyntax> Classes { get; } = [];

    /// <summary>Methods named <c>Main</c>.</summary>
    public List<MethodDeclarationSyntax> Mains { get; } = [];

    /// <summary>Calls recon interprets (<c>MapGet</c>, <c>Filters.Add</c>, <c>AuthorizeFolder</c>, …).</summary>
    public List<InvocationExpressionSyntax> Calls { get; } = [];

    /// <summary>Assignments to a <c>FallbackPolicy</c>.</summary>
    public List<AssignmentExpressionSyntax> FallbackAssignments { get; } = [];

    /// <summary>Whether the tree has top-level statements.</summary>
    public bool HasTopLevelStatements { get; private set; }

    /// <summary>Walks <paramref name="tree"/>.</summary>
    public static ReconSyntaxIndex Build(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var index = new ReconSyntaxIndex();
        index.Visit(tree.GetRoot(cancellationToken));
        return index;
    }

    /// <inheritdoc />
    public override void VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        if (node.BaseList is not null || node.AttributeLists.Count > 0 || node.Identifier.ValueText.EndsWith("Controller", StringComparison.Ordinal))
        {
            Classes.Add(node);
        }

        base.VisitClassDeclaration(node);
    }

    /// <inheritdoc />
    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        if (node.Identifier.ValueText == "Main" && node.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            Mains.Add(node);
        }

        base.VisitMethodDeclaration(node);
    }

    /// <inheritdoc />
    public override void VisitGlobalStatement(GlobalStatementSyntax node)
    {
        HasTopLevelStatements = true;
        base.VisitGlobalStatement(node);
    }

    /// <inheritdoc />
    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (NameOf(node) is { } name && InterestingCalls.Contains(name))
        {
            Calls.Add(node);
        }

        base.VisitInvocationExpression(node);
    }

    /// <inheritdoc />
    public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        if (node.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FallbackPolicy" } or IdentifierNameSyntax { Identifier.ValueText: "FallbackPolicy" })
        {
            FallbackAssignments.Add(node);
        }

        base.VisitAssignmentExpression(node);
    }

    /// <summary>The simple name of the method an invocation calls, or null.</summary>
    public static string? NameOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };
}
