using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Osprey.CSharp.Proof.Harness.Web;

/// <summary>
/// Turns a file of top-level statements into a method a harness can call: the statements become the
/// body of <c>Program.__OspreyMain(string[] args)</c>, as the compiler would make them <c>Program.&lt;Main&gt;$</c>
/// (the harness has its own <c>Main</c>). Text is only inserted after the last token before each statement,
/// so every statement keeps the lines and columns the engine reported. Each statement that declares nothing is wrapped in a <c>try</c>: a startup step that
/// needs what the sandbox lacks (a database server) is skipped, not fatal.
/// </summary>
internal static class TopLevelProgram
{
    /// <summary>The class that holds the statements (merged with a user's <c>partial class Program</c>).</summary>
    public const string TypeName = "Program";

    public const string MethodName = "__OspreyMain";

    private const string Skipped = " } catch (global::System.Exception __ospreyStartup) { global::System.Console.Error.WriteLine(\"Osprey: a startup statement failed: \" + __ospreyStartup.Message); }";

    /// <summary>The tree with its top-level statements moved into a method, or null when it has none.</summary>
    public static SyntaxTree? Wrap(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit || !unit.Members.OfType<GlobalStatementSyntax>().Any())
        {
            return null;
        }

        var statements = unit.Members.OfType<GlobalStatementSyntax>().ToList();
        var returnsValue = statements.SelectMany(s => s.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            .OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null);
        // Each insertion goes right after the previous statement's (or the usings') last token, never at a
        // statement's own start: the lines and columns of the statements stay as the engine reported them.
        var insertions = new SortedDictionary<int, string>();
        void Insert(int position, string text) => insertions[position] = insertions.GetValueOrDefault(position, "") + text;
        var start = unit.Usings.Count > 0 ? unit.Usings[^1].Span.End : unit.Externs.Count > 0 ? unit.Externs[^1].Span.End : statements[0].SpanStart;
        Insert(start, $"partial class {TypeName} {{ public static async global::System.Threading.Tasks.Task{(returnsValue ? "<int>" : "")} {MethodName}(string[] args) {{ ");
        for (var i = 0; i < statements.Count; i++)
        {
            if (Guardable(statements[i].Statement, i == statements.Count - 1))
            {
                Insert(i == 0 ? start : statements[i - 1].Span.End, "try { ");
                Insert(statements[i].Span.End, Skipped);
            }
        }

        Insert(statements[^1].Span.End, " } }");
        var changes = insertions.Select(i => new TextChange(new TextSpan(i.Key, 0), i.Value));
        return tree.WithChangedText(tree.GetText().WithChanges(changes));
    }

    // Declarations stay outside a try (later statements use them); so does the last statement (app.Run()),
    // whose failure the harness must see, and a return.
    private static bool Guardable(StatementSyntax statement, bool last) =>
        !last && statement is not (LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or ReturnStatementSyntax or LabeledStatementSyntax)
        && !statement.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).Any(n => n is DeclarationExpressionSyntax or DeclarationPatternSyntax);
}
