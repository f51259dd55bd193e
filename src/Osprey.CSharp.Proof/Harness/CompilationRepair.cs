using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Makes a harness compile when scanned code off the proof's path does not (an API this runtime
/// lacks): a member whose body has errors gets a body that throws, a member whose signature has
/// errors is removed. Members on the path (annotated <see cref="Keep"/>) are never touched: an
/// error there means no harness.
/// </summary>
internal static class CompilationRepair
{
    public static readonly SyntaxAnnotation Keep = new("osprey-keep");

    private const int MaxRounds = 4;

    public static CSharpCompilation Repair(CSharpCompilation compilation, out IReadOnlyList<Diagnostic> remaining)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            remaining = errors;
            if (errors.Count == 0)
            {
                return compilation;
            }

            var changed = false;
            foreach (var group in errors.Where(e => e.Location.SourceTree is not null).GroupBy(e => e.Location.SourceTree!))
            {
                var root = group.Key.GetRoot();
                var members = group.Select(e => Member(root.FindNode(e.Location.SourceSpan)))
                    .OfType<MemberDeclarationSyntax>()
                    .Where(m => !m.HasAnnotation(Keep) && !m.AncestorsAndSelf().Any(a => a.HasAnnotation(Keep) && a is not TypeDeclarationSyntax))
                    .Distinct()
                    .ToList();
                var spans = group.Select(e => e.Location.SourceSpan).ToList();
                members = members.Where(m => !members.Any(o => o != m && o.Span.Contains(m.Span))).ToList();
                if (members.Count == 0)
                {
                    continue;
                }

                var newRoot = root.ReplaceNodes(members, (original, _) => Neutralise(original, spans)!);
                newRoot = newRoot.RemoveNodes(newRoot.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m.HasAnnotation(Remove)), SyntaxRemoveOptions.KeepNoTrivia)!;
                compilation = compilation.ReplaceSyntaxTree(group.Key, group.Key.WithRootAndOptions(newRoot, group.Key.Options));
                changed = true;
            }

            if (!changed)
            {
                return compilation;
            }
        }

        remaining = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return compilation;
    }

    private static readonly SyntaxAnnotation Remove = new("osprey-remove");

    private static SyntaxNode? Member(SyntaxNode node) =>
        node.AncestorsAndSelf().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax);

    private static SyntaxNode Neutralise(MemberDeclarationSyntax member, List<Microsoft.CodeAnalysis.Text.TextSpan> errors)
    {
        var throwBlock = Block(ParseStatement("throw new global::System.NotSupportedException(\"Osprey removed this member from the harness: it does not compile on this runtime.\");"));
        bool InBody(SyntaxNode? body) => body is not null && errors.All(e => body.Span.Contains(e));
        switch (member)
        {
            case BaseMethodDeclarationSyntax method when InBody((SyntaxNode?)method.Body ?? method.ExpressionBody):
                var stripped = method is ConstructorDeclarationSyntax ctor ? ctor.WithInitializer(null) : method;
                return stripped.WithBody(throwBlock).WithExpressionBody(null).WithSemicolonToken(default);
            case PropertyDeclarationSyntax { AccessorList: { } accessors } property when InBody(accessors):
                return property.WithAccessorList(AccessorList(List(accessors.Accessors.Select(a => a.WithBody(throwBlock).WithExpressionBody(null).WithSemicolonToken(default)))))
                    .WithInitializer(null).WithSemicolonToken(default);
            default:
                return member.WithAdditionalAnnotations(Remove);
        }
    }
}
