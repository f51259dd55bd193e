using Osprey.CSharp.Analysis;
using Osprey.CSharp.Tests.Support;

namespace Osprey.CSharp.Tests.Analysis;

public sealed class SemanticModelCacheTests
{
    [Fact]
    public void Get_SameTreeTwice_ReturnsOneModel()
    {
        var compilation = TestCompilation.Library("public class A { public int M() => 1; }");
        var cache = new SemanticModelCache(compilation);
        var tree = compilation.SyntaxTrees.Single();

        Assert.Same(cache.Get(tree), cache.Get(tree));
    }

    [Fact]
    public void Get_TwoTrees_ReturnsEachTreesOwnModel()
    {
        var compilation = TestCompilation.Create(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, ("A.cs", "public class A { }"), ("B.cs", "public class B { }"));
        var cache = new SemanticModelCache(compilation);
        var trees = compilation.SyntaxTrees.ToArray();

        Assert.Equal(trees, [cache.Get(trees[0]).SyntaxTree, cache.Get(trees[1]).SyntaxTree]);
    }

    [Fact]
    public void Get_ParallelCallers_ShareTheModelTheBodiesAreBoundIn()
    {
        var compilation = TestCompilation.Library("public class A { public int M(int x) { var y = x + 1; return y; } }");
        var cache = new SemanticModelCache(compilation);
        var tree = compilation.SyntaxTrees.Single();

        var models = new Microsoft.CodeAnalysis.SemanticModel[16];
        Parallel.For(0, models.Length, i => models[i] = cache.Get(tree));

        Assert.All(models, m => Assert.Same(models[0], m));
    }
}
