using Osprey.Tests.Shared;
using Osprey.Core.Scanning;

namespace Osprey.Core.Tests.Scanning;

public sealed class ScanTargetTests
{
    [Fact]
    public void TryCreate_MissingPath_ErrorNamesThePath()
    {
        var target = ScanTarget.TryCreate("/no/such/osprey/path", out var error);

        Assert.Null(target);
        Assert.Contains("/no/such/osprey/path", error);
        Assert.Contains("does not exist", error);
    }

    [Theory]
    [InlineData("App.sln", ScanTargetKind.Solution)]
    [InlineData("App.slnx", ScanTargetKind.Solution)]
    [InlineData("App.csproj", ScanTargetKind.Project)]
    [InlineData("compile_commands.json", ScanTargetKind.Project)]
    [InlineData("Program.cs", ScanTargetKind.File)]
    public void TryCreate_ExistingFile_KindFromName(string name, ScanTargetKind expected)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, "");

        var target = ScanTarget.TryCreate(path, out _);

        Assert.Equal(expected, target!.Kind);
        Assert.Equal(folder.Path, target.RootDirectory);
    }

    [Fact]
    public void TryCreate_Folder_RootIsTheFolder()
    {
        using var folder = new TempFolder();

        var target = ScanTarget.TryCreate(folder.Path + "/", out _);

        Assert.Equal(ScanTargetKind.Folder, target!.Kind);
        Assert.Equal(folder.Path, target.RootDirectory);
    }
}
