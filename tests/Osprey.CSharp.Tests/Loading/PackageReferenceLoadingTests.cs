namespace Osprey.CSharp.Tests.Loading;

public sealed class PackageReferenceLoadingTests
{
    [Fact]
    public async Task Load_PackageReference_ResolvesFromTheLocalCacheWithDependenciesAndCentralVersions()
    {
        using var tree = new TempTree();
        var packages = tree.PathOf("packages");
        LoadHarness.EmitAssembly(Path.Combine(packages, "acme.base", "2.0.0", "lib", "netstandard2.0", "Acme.Base.dll"), "Acme.Base", "namespace Acme { public class Entity { public int Id { get; set; } } }");
        tree.Write("packages/acme.base/2.0.0/acme.base.nuspec", """<?xml version="1.0"?><package><metadata><id>Acme.Base</id><version>2.0.0</version></metadata></package>""");
        LoadHarness.EmitAssembly(Path.Combine(packages, "acme.client", "1.2.3", "lib", "net8.0", "Acme.Client.dll"), "Acme.Client", "namespace Acme { public static class Client { public static string Get(int id) => \"\"; } }");
        LoadHarness.EmitAssembly(Path.Combine(packages, "acme.client", "1.2.3", "lib", "net48", "Acme.Client.dll"), "Acme.Client", "namespace Wrong { public static class Old { } }");
        tree.Write("packages/acme.client/1.2.3/acme.client.nuspec", """
            <?xml version="1.0"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>Acme.Client</id><version>1.2.3</version>
              <dependencies><group targetFramework=".NETStandard2.0"><dependency id="Acme.Base" version="2.0.0" /></group></dependencies>
            </metadata></package>
            """);
        tree.Write("Directory.Packages.props", """<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup><ItemGroup><PackageVersion Include="Acme.Client" Version="1.2.3" /></ItemGroup></Project>""");
        tree.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Acme.Client" /></ItemGroup></Project>""");
        tree.Write("App/Use.cs", "class Use { string M(Acme.Entity e) => Acme.Client.Get(e.Id); }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"), CSharpEngineOptions.Default with { PackageFolders = [packages] });

        var project = result.Project("App");
        Assert.Empty(project.UnresolvedReferences);
        Assert.Empty(LoadHarness.Errors(project));
    }

    [Fact]
    public async Task Load_MissingPackage_IsCountedAsUnresolvedAndTheCodeStillLoads()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><PackageReference Include="Nowhere.To.Be.Found" Version="9.9.9" /></ItemGroup></Project>""");
        tree.Write("App/Use.cs", "using Nowhere.Data; public class Use { public Repository Repo { get; set; } = null!; }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"), CSharpEngineOptions.Default with { PackageFolders = [tree.PathOf("empty")] });

        var project = result.Project("App");
        Assert.Contains("Nowhere.To.Be.Found 9.9.9", project.UnresolvedReferences);
        Assert.Contains("Repository", project.UnresolvedSymbols);
        Assert.True(result.Report.Statistics["csharp.unresolved-symbols"] >= 1);
        var summary = Assert.Single(result.Diagnostics("csharp-load-summary"));
        Assert.Contains("Nowhere.To.Be.Found", summary.Message, StringComparison.Ordinal);
    }
}
