namespace Osprey.CSharp.Tests.Loading;

public sealed class OldStyleProjectLoadingTests
{
    private const string OldStyle = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="14.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <Import Project="$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props" Condition="Exists('$(MSBuildExtensionsPath)\$(MSBuildToolsVersion)\Microsoft.Common.props')" />
          <PropertyGroup>
            <Configuration Condition=" '$(Configuration)' == '' ">Debug</Configuration>
            <OutputType>Exe</OutputType>
            <TargetFrameworkVersion>v4.8</TargetFrameworkVersion>
          </PropertyGroup>
          <PropertyGroup Condition=" '$(Configuration)|$(Platform)' == 'Debug|AnyCPU' ">
            <DefineConstants>DEBUG;TRACE;JULIET</DefineConstants>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="Vendor.Tools"><HintPath>..\lib\Vendor.Tools.dll</HintPath></Reference>
            <Reference Include="System" />
            <Reference Include="System.Web" />
          </ItemGroup>
          <ItemGroup>
            <Compile Include="Listed.cs" />
            <Compile Include="Sub\Also.cs" />
            <Compile Include="Gone.cs" />
          </ItemGroup>
          <Import Project="$(MSBuildToolsPath)\Microsoft.CSharp.targets" />
        </Project>
        """;

    [Fact]
    public async Task Load_OldStyleProject_CompilesOnlyListedFilesWithItsSymbolsAndHintPathAssembly()
    {
        using var tree = new TempTree();
        LoadHarness.EmitAssembly(tree.PathOf("lib/Vendor.Tools.dll"), "Vendor.Tools", "namespace Vendor { public static class Tool { public static int Answer() => 42; } }");
        tree.Write("Cases/Cases.csproj", OldStyle);
        tree.Write("Cases/Listed.cs", "class Listed { int M() => Vendor.Tool.Answer(); }");
        tree.Write("Cases/Sub/Also.cs", "class Also { }");
        tree.Write("Cases/NotListed.cs", "class NotListed { }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("Cases/Cases.csproj"));

        var project = result.Project("Cases");
        Assert.Equal("net48", project.TargetFramework);
        Assert.Equal(["Also.cs", "Listed.cs"], LoadHarness.FileNames(project));
        var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)project.Compilation.SyntaxTrees.First().Options;
        Assert.Contains("JULIET", options.PreprocessorSymbolNames);
        Assert.Contains(project.Compilation.References, r => r.Display?.EndsWith("Vendor.Tools.dll", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("Vendor.Tools", project.UnresolvedReferences);
        Assert.Equal("Gone.cs", Assert.Single(result.Diagnostics("file-unreadable")).FilePath);
    }

    [Fact]
    public async Task Load_NetFrameworkProject_UsesTheReferenceAssemblyPackageWhenInstalled()
    {
        var installed = new Osprey.CSharp.Loading.ReferencePacks(CSharpEngineOptions.Default).NetFrameworkDirectory(Osprey.CSharp.Loading.TargetFrameworkSelector.FrameworkDefault);
        using var tree = new TempTree();
        tree.Write("Web/Web.csproj", OldStyle.Replace("<Compile Include=\"Sub\\Also.cs\" />", "", StringComparison.Ordinal).Replace("<Compile Include=\"Gone.cs\" />", "", StringComparison.Ordinal)
            .Replace("""<Reference Include="Vendor.Tools"><HintPath>..\lib\Vendor.Tools.dll</HintPath></Reference>""", "", StringComparison.Ordinal));
        tree.Write("Web/Listed.cs", "class Listed { static void Main() { } void M(System.Web.HttpRequest request, System.Web.HttpResponse response) => response.Write(request.QueryString[\"q\"]); }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("Web/Web.csproj"));

        var project = result.Project("Web");
        if (installed is null)
        {
            // Without the package and without network the load still succeeds and says what is missing.
            Assert.Contains("Microsoft.NETFramework.ReferenceAssemblies.net48", project.UnresolvedReferences);
            return;
        }

        Assert.Empty(project.UnresolvedReferences);
        Assert.Empty(LoadHarness.Errors(project));
    }
}
