using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.CSharp.Recon;
using Osprey.CSharp.Tests.Support;
using Xunit;

namespace Osprey.CSharp.Tests.Recon;

public sealed class EntryPointIndexTests
{
    private const string Source = """
        using System;
        using System.Collections;
        using System.Collections.Generic;

        public class Handlers<T> : IEnumerable<T>, IDisposable
        {
            public Handlers() { }
            public void Get(string id) { }
            public void Get(int id) { }
            public U Map<U>(T value) => default!;
            public static Handlers<T> operator +(Handlers<T> a, Handlers<T> b) => a;
            public string Name { get; set; } = "";
            void IDisposable.Dispose() { }
            IEnumerator<T> IEnumerable<T>.GetEnumerator() => throw new InvalidOperationException();
            IEnumerator IEnumerable.GetEnumerator() => throw new InvalidOperationException();
            public void Run() { Func<int, int> twice = x => x * 2; int Local() => 1; }
        }
        """;

    [Fact]
    public void Find_EveryKindOfMethodRecordedAsHandler_IsFoundByItsSymbol()
    {
        var methods = MethodsOf(TestCompilation.Library(Source));
        var index = new EntryPointIndex(methods.Select(m => KeyValuePair.Create(EntryPointIndex.KeyOf(m)!, EntryFor(m))));

        Assert.All(methods, m => Assert.Equal(EntryFor(m), index.Find(m)));
    }

    [Fact]
    public void Find_MethodNotRecorded_IsNull_EvenWhenItsNameIsAHandlerName()
    {
        var methods = MethodsOf(TestCompilation.Library(Source));
        var getString = methods.Single(m => m.Name == "Get" && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        var index = new EntryPointIndex([KeyValuePair.Create(EntryPointIndex.KeyOf(getString)!, EntryFor(getString))]);

        Assert.Equal(EntryFor(getString), index.Find(getString));
        Assert.All(methods.Where(m => !SymbolEqualityComparer.Default.Equals(m, getString)), m => Assert.Null(index.Find(m)));
    }

    private static EntryPoint EntryFor(IMethodSymbol method) =>
        new() { Kind = EntryPointKind.Http, Name = method.ToDisplayString() + "@" + method.Locations[0].SourceSpan.Start };

    /// <summary>Every method of the source: members, accessors, operators, explicit implementations, the lambda and the local function.</summary>
    private static List<IMethodSymbol> MethodsOf(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var methods = new List<IMethodSymbol>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var symbol = node is Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax ? model.GetSymbolInfo(node).Symbol : model.GetDeclaredSymbol(node);
            if (symbol is IMethodSymbol method && !methods.Contains(method, SymbolEqualityComparer.Default))
            {
                methods.Add(method);
            }
        }

        Assert.Equal(13, methods.Count);
        return methods;
    }
}
