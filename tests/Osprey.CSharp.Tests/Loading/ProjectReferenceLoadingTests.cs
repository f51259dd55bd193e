namespace Osprey.CSharp.Tests.Loading;

public sealed class ProjectReferenceLoadingTests
{
    [Fact]
    public async Task Load_ProjectReferenceChain_OrdersProjectsAndBindsAcrossThem()
    {
        using var tree = new TempTree();
        const string Props = "<PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>";
        tree.Write("Core/Core.csproj", $"""<Project Sdk="Microsoft.NET.Sdk">{Props}</Project>""");
        tree.Write("Core/Money.cs", "namespace Core; public record Money(decimal Amount);");
        tree.Write("Lib/Lib.csproj", $"""<Project Sdk="Microsoft.NET.Sdk">{Props}<ItemGroup><ProjectReference Include="..\Core\Core.csproj" /></ItemGroup></Project>""");
        tree.Write("Lib/Prices.cs", "namespace Lib; public static class Prices { public static Core.Money Zero() => new(0); }");
        tree.Write("App/App.csproj", $"""<Project Sdk="Microsoft.NET.Sdk">{Props}<ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup></Project>""");
        tree.Write("App/Use.cs", "namespace App; public static class Use { public static decimal M() { Core.Money m = Lib.Prices.Zero(); return m.Amount; } }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"));

        Assert.Equal(["Core", "Lib", "App"], result.Solution.Projects.Select(p => p.Name));
        Assert.Empty(LoadHarness.Errors(result.Project("App")));
    }

    [Fact]
    public async Task Load_ProjectReferenceWithWrongCaseAndBackslashes_IsFound()
    {
        using var tree = new TempTree();
        tree.Write("Support/Support/Support.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        tree.Write("Support/Support/IO.cs", "namespace Support; public static class IO { public static void WriteLine(string s) { } }");
        tree.Write("Cases/Cases.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><ProjectReference Include="..\SUPPORT\support\Support.csproj" /></ItemGroup></Project>""");
        tree.Write("Cases/Case.cs", "class Case { void M() => Support.IO.WriteLine(\"x\"); }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("Cases/Cases.csproj"));

        Assert.Empty(LoadHarness.Errors(result.Project("Cases")));
    }
}
