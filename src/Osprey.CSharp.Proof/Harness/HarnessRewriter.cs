using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>
/// Applies the cases' rewrites to one tree: sources become the numbered input provider, sinks the
/// numbered recorder, XML input files the sandbox lacks an empty stand-in (<see cref="InputFileRewrite"/>), and every member on a case's path is annotated <see cref="CompilationRepair.Keep"/>
/// and with the case's position (<see cref="CaseKind"/>), so a compile error there can be blamed on it.
/// </summary>
internal static class HarnessRewriter
{
    /// <summary>The annotation kind whose data is the position of a case whose path runs through the member.</summary>
    public const string CaseKind = "osprey-case";

    public static SyntaxTree Rewrite(SyntaxTree tree, IReadOnlyList<LocatedCase> cases, SemanticModel model)
    {
        var replacements = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        foreach (var (node, rewrite) in InputFileRewrite.In(tree, model))
        {
            replacements.TryAdd(node, rewrite);
        }

        var annotations = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        for (var position = 0; position < cases.Count; position++)
        {
            var found = cases[position];
            if (found.Source is { Target: { } target, Replacement: { } replacement } && target.SyntaxTree == tree)
            {
                replacements.TryAdd(target, _ => replacement);
            }

            if (found.Sink is { } sink && sink.Target.SyntaxTree == tree)
            {
                replacements.TryAdd(sink.Target, sink.Rewrite);
            }

            if (found.Web?.Lambda is { } lambda && lambda.SyntaxTree == tree)
            {
                var marker = found.Web.Marker;
                replacements.TryAdd(lambda, rewritten => Web.EndpointMarker.Mark((Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax)rewritten, marker));
            }

            foreach (var member in found.Protected.Where(m => m.SyntaxTree == tree))
            {
                if (!annotations.TryGetValue(member, out var list))
                {
                    list = [CompilationRepair.Keep];
                    annotations[member] = list;
                }

                list.Add(new SyntaxAnnotation(CaseKind, position.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (replacements.Count == 0 && annotations.Count == 0)
        {
            return tree;
        }

        var root = tree.GetRoot().ReplaceNodes(replacements.Keys.Concat(annotations.Keys).Distinct(), (original, rewritten) =>
        {
            var replaced = replacements.TryGetValue(original, out var rewrite) ? rewrite(rewritten) : rewritten;
            return annotations.TryGetValue(original, out var list) ? replaced.WithAdditionalAnnotations(list) : replaced;
        });
        return tree.WithRootAndOptions(root, tree.Options);
    }
}
