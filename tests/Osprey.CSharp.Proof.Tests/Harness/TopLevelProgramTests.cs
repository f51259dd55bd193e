using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Osprey.CSharp.Proof.Harness;
using Osprey.CSharp.Proof.Harness.Web;

namespace Osprey.CSharp.Proof.Tests.Harness;

public sealed class TopLevelProgramTests
{
    private const string Source = """
        using System;
        using System.IO;

        var name = args.Length > 0 ? args[0] : "world";
        File.ReadAllText("/nonexistent/settings.json");
        Console.WriteLine("hello " + name);
        record Greeting(string Text);
        """;

    [Fact]
    public void Wrap_TopLevelStatements_KeepEveryStatementOnItsLineAndColumn()
    {
        var tree = CSharpSyntaxTree.ParseText(Source, path: "Program.cs");

        var wrapped = TopLevelProgram.Wrap(tree)!;

        foreach (var (line, text) in new[] { (3, "var name"), (4, "File.ReadAllText"), (5, "Console.WriteLine") })
        {
            var original = Source.Split('\n')[line].IndexOf(text, StringComparison.Ordinal);
            var moved = wrapped.GetText().Lines[line].ToString().IndexOf(text, StringComparison.Ordinal);
            Assert.Equal(original, moved);
        }
    }

    [Fact]
    public void Wrap_TopLevelStatements_CompileIntoProgramMainMethodWithFailingStartupStatementsGuarded()
    {
        var wrapped = TopLevelProgram.Wrap(CSharpSyntaxTree.ParseText(Source, path: "Program.cs"))!;
        var compilation = CSharpCompilation.Create("App", [wrapped], PlatformReferences.Runtime, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(compilation.GetTypeByMetadataName(TopLevelProgram.TypeName)?.GetMembers(TopLevelProgram.MethodName).SingleOrDefault());
        var guarded = wrapped.GetRoot().DescendantNodes().OfType<TryStatementSyntax>().Select(t => t.Block.Statements.Single().ToString()).ToList();
        Assert.Equal(["File.ReadAllText(\"/nonexistent/settings.json\");"], guarded);
    }

    [Fact]
    public void Wrap_FileWithoutTopLevelStatements_ReturnsNull()
    {
        var tree = CSharpSyntaxTree.ParseText("namespace App; public static class Program { public static void Main() { } }");

        Assert.Null(TopLevelProgram.Wrap(tree));
    }
}
