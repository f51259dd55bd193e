using Osprey.Core.Scanning;

namespace Osprey.CSharp.Tests.Loading;

public sealed class SdkProjectLoadingTests
{
    private const string SdkProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
          <ItemGroup>
            <Compile Remove="Legacy/**" />
            <Compile Include="../Shared/Link.cs" />
          </ItemGroup>
        </Project>
        """;

    [Fact]
    public async Task Load_SdkProject_GlobsSourcesMinusBinObjAndRemovedItems()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", SdkProject);
        tree.Write("App/Program.cs", "namespace App; public static class Program { public static void Main() { } }");
        tree.Write("App/Sub/Helper.cs", "namespace App.Sub; public static class Helper { }");
        tree.Write("App/bin/Debug/Gen.cs", "this does not parse");
        tree.Write("App/obj/Gen.cs", "this does not parse");
        tree.Write("App/Legacy/Old.cs", "this does not parse");
        tree.Write("Shared/Link.cs", "namespace Shared; public static class Link { }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"));

        Assert.Equal(["Helper.cs", "Link.cs", "Program.cs"], LoadHarness.FileNames(result.Project("App")));
        Assert.Empty(result.Diagnostics("parse-error"));
    }

    [Fact]
    public async Task Load_EnableDefaultCompileItemsFalse_CompilesOnlyExplicitItems()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><EnableDefaultCompileItems>false</EnableDefaultCompileItems></PropertyGroup>
              <ItemGroup><Compile Include="Src/**/*.cs" Exclude="Src/Skip.cs" /></ItemGroup>
            </Project>
            """);
        tree.Write("App/Src/A.cs", "class A { }");
        tree.Write("App/Src/Deep/B.cs", "class B { }");
        tree.Write("App/Src/Skip.cs", "class Skip { }");
        tree.Write("App/Other.cs", "class Other { }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"));

        Assert.Equal(["A.cs", "B.cs"], LoadHarness.FileNames(result.Project("App")));
    }

    [Fact]
    public async Task Load_ImplicitUsingsFromDirectoryBuildProps_GeneratesTheSdkGlobalUsings()
    {
        using var tree = new TempTree();
        tree.Write("Directory.Build.props", "<Project><PropertyGroup><ImplicitUsings>enable</ImplicitUsings><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>");
        tree.Write("Web/Web.csproj", """<Project Sdk="Microsoft.NET.Sdk.Web"></Project>""");
        tree.Write("Web/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => new List<string> { context.Request.Path.Value ?? "" }.First());
            await File.WriteAllTextAsync("x", "y");
            app.Run();
            """);

        var result = await LoadHarness.LoadAsync(tree.PathOf("Web/Web.csproj"));

        var project = result.Project("Web");
        Assert.Equal("net10.0", project.TargetFramework);
        Assert.Empty(LoadHarness.Errors(project, "CS0246", "CS0103", "CS1061"));
    }

    [Fact]
    public async Task Load_MultiTargetProject_PicksTheNewestNetAndItsConditionalProperties()
    {
        using var tree = new TempTree();
        tree.Write("Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>netstandard2.0;net8.0;net48</TargetFrameworks><LangVersion>12</LangVersion></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net8.0'"><DefineConstants>$(DefineConstants);MODERN</DefineConstants></PropertyGroup>
              <PropertyGroup Condition="'$(TargetFramework)' == 'net48'"><DefineConstants>$(DefineConstants);LEGACY</DefineConstants></PropertyGroup>
            </Project>
            """);
        tree.Write("Lib/Code.cs", "class Code { }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("Lib/Lib.csproj"));

        var project = result.Project("Lib");
        Assert.Equal("net8.0", project.TargetFramework);
        var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)project.Compilation.SyntaxTrees.First().Options;
        Assert.Contains("MODERN", options.PreprocessorSymbolNames);
        Assert.Contains("NET8_0_OR_GREATER", options.PreprocessorSymbolNames);
        Assert.DoesNotContain("LEGACY", options.PreprocessorSymbolNames);
        Assert.Equal(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12, options.LanguageVersion);
    }

    [Fact]
    public async Task Load_FileWithSyntaxError_IsReportedAndTheRestStillLoads()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        tree.Write("App/Good.cs", "public class Good { public int Value() => 1; }");
        tree.Write("App/Broken.cs", "public class Broken { public void M( { int x = ; }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"));

        var diagnostic = Assert.Single(result.Diagnostics("parse-error"));
        Assert.Equal("Broken.cs", diagnostic.FilePath); // relative to the project file's folder, the scan root
        Assert.Equal(["Broken.cs", "Good.cs"], LoadHarness.FileNames(result.Project("App")));
        Assert.NotNull(result.Project("App").Compilation.GetTypeByMetadataName("Good"));
    }

    [Fact]
    public async Task Load_FileExcludedByScanOptions_IsNotCompiled()
    {
        using var tree = new TempTree();
        tree.Write("App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
        tree.Write("App/Kept.cs", "class Kept { }");
        tree.Write("App/Generated/Skipped.cs", "class Skipped { }");

        var result = await LoadHarness.LoadAsync(tree.Root, scan: ScanOptions.Default with { Threads = 2, Exclude = [.. ScanOptions.Default.Exclude, "**/Generated/**"] });

        Assert.Equal(["Kept.cs"], LoadHarness.FileNames(result.Project("App")));
    }
}
