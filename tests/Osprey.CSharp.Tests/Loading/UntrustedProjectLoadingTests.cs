namespace Osprey.CSharp.Tests.Loading;

/// <summary>
/// Loading reads project files as data. A project whose targets, tasks, property functions or
/// imports would run code if MSBuild evaluated or built it must load without any of it running.
/// </summary>
public sealed class UntrustedProjectLoadingTests
{
    [Fact]
    public async Task Load_ProjectWhoseTargetsRunCode_RunsNothingAndStillLoadsTheSources()
    {
        using var tree = new TempTree();
        var marker = Path.Combine(Path.GetTempPath(), "pwned-" + Guid.NewGuid().ToString("N"));
        string[] markers = [marker + "-exec", marker + "-targets", marker + "-props", marker + "-function", marker + "-condition", marker + "-task", marker + "-import"];
        tree.Write("Directory.Build.props", $"""
            <Project>
              <PropertyGroup><Payload>$([System.IO.File]::WriteAllText('{markers[2]}', 'x'))</Payload></PropertyGroup>
              <Target Name="Early" BeforeTargets="Restore;Build"><Exec Command="touch {markers[2]}" /></Target>
            </Project>
            """);
        tree.Write("Directory.Build.targets", $"""
            <Project>
              <Target Name="Sneaky" BeforeTargets="CoreCompile;Build"><Exec Command="touch {markers[1]}" /></Target>
            </Project>
            """);
        tree.Write("evil.props", $"""<Project><Target Name="FromImport" BeforeTargets="Build"><Exec Command="touch {markers[6]}" /></Target></Project>""");
        tree.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="../evil.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Stamp>$([System.IO.File]::WriteAllText('{markers[3]}', 'x'))</Stamp>
              </PropertyGroup>
              <PropertyGroup Condition="$([System.IO.File]::WriteAllText('{markers[4]}', 'x')) == ''"><X>1</X></PropertyGroup>
              <UsingTask TaskName="Pwn" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)\Microsoft.Build.Tasks.Core.dll">
                <Task><Code Type="Fragment" Language="cs">System.IO.File.WriteAllText("{markers[5]}", "x");</Code></Task>
              </UsingTask>
              <Target Name="BeforeBuild"><Exec Command="touch {markers[0]}" /><Pwn /></Target>
              <Target Name="Early" BeforeTargets="Restore;CollectPackageReferences"><Exec Command="touch {markers[0]}" /></Target>
            </Project>
            """);
        tree.Write("App/Program.cs", "namespace App; public static class Program { public static int Main() => 0; }");

        var result = await LoadHarness.LoadAsync(tree.Root);

        foreach (var path in markers)
        {
            Assert.False(File.Exists(path), $"{path} was created: the project's code ran");
        }

        var project = result.Project("App");
        Assert.Equal(["Program.cs"], LoadHarness.FileNames(project));
        Assert.NotNull(project.Compilation.GetTypeByMetadataName("App.Program"));
    }

    [Fact]
    public async Task Load_ProjectFileWithDtdEntities_IsRefusedWithoutReadingTheEntities()
    {
        using var tree = new TempTree();
        tree.Write("secret.txt", "TOP SECRET");
        tree.Write("App/App.csproj", $"""
            <?xml version="1.0"?>
            <!DOCTYPE Project [ <!ENTITY leak SYSTEM "file://{tree.PathOf("secret.txt")}"> ]>
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>&leak;</TargetFramework></PropertyGroup></Project>
            """);
        tree.Write("App/Program.cs", "class Program { }");

        var result = await LoadHarness.LoadAsync(tree.PathOf("App/App.csproj"));

        var diagnostic = Assert.Single(result.Diagnostics("project-unreadable"));
        Assert.DoesNotContain("TOP SECRET", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(result.Solution.Projects);
    }
}
