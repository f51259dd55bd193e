namespace Osprey.CSharp.Tests.Loading;

public sealed class SolutionAndLooseFileLoadingTests
{
    private static void WriteProjects(TempTree tree)
    {
        foreach (var name in new[] { "One", "Two", "Three" })
        {
            tree.Write($"src/{name}/{name}.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""");
            tree.Write($"src/{name}/{name}Type.cs", $"public class {name}Type {{ }}");
        }
    }

    [Fact]
    public async Task Load_Sln_LoadsTheListedProjectsOnly()
    {
        using var tree = new TempTree();
        WriteProjects(tree);
        tree.Write("All.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "One", "src\One\One.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "Folder", "Folder", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Two", "src\Two\Two.csproj", "{33333333-3333-3333-3333-333333333333}"
            EndProject
            """);

        var result = await LoadHarness.LoadAsync(tree.PathOf("All.sln"));

        Assert.Equal(["One", "Two"], result.Solution.Projects.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Load_Slnx_LoadsTheListedProjectsOnly()
    {
        using var tree = new TempTree();
        WriteProjects(tree);
        tree.Write("All.slnx", """
            <Solution>
              <Folder Name="/src/">
                <Project Path="src/Two/Two.csproj" />
                <Project Path="src/Three/Three.csproj" />
              </Folder>
            </Solution>
            """);

        var result = await LoadHarness.LoadAsync(tree.PathOf("All.slnx"));

        Assert.Equal(["Three", "Two"], result.Solution.Projects.Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Load_SingleLooseFile_CompilesAgainstTheNetAndAspNetCoreReferencePacks()
    {
        using var tree = new TempTree();
        var file = tree.Write("snippet.cs", """
            using Microsoft.AspNetCore.Mvc;
            public class PingController : ControllerBase
            {
                public IActionResult Get(string q) => Content(string.Join(",", new List<string> { q }.Select(s => s.Trim())));
            }
            """);

        var result = await LoadHarness.LoadAsync(file);

        var project = Assert.Single(result.Solution.Projects);
        Assert.True(project.IsLoose);
        Assert.Empty(project.UnresolvedSymbols);
        Assert.Empty(LoadHarness.Errors(project));
    }

    [Fact]
    public async Task Load_FolderWithProjectsAndStrayFiles_PutsStrayFilesInOneLooseCompilation()
    {
        using var tree = new TempTree();
        WriteProjects(tree);
        tree.Write("scripts/tool.cs", "public static class Tool { }");
        tree.Write("src/One/Excluded/NotCompiled.cs", "public static class NotCompiled { }");
        tree.Write("src/One/One.csproj", """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup><ItemGroup><Compile Remove="Excluded/**" /></ItemGroup></Project>""");

        var result = await LoadHarness.LoadAsync(tree.Root);

        Assert.Equal(4, result.Solution.Projects.Length);
        var loose = Assert.Single(result.Solution.Projects, p => p.IsLoose);
        Assert.Equal(["tool.cs"], LoadHarness.FileNames(loose));
    }
}
