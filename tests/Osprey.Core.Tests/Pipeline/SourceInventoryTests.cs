using Osprey.Tests.Shared;
using Osprey.Core.Recon;
using Osprey.Core.Scanning;

namespace Osprey.Core.Tests.Pipeline;

public sealed class SourceInventoryTests
{
    [Fact]
    public void Enumerate_DefaultOptions_SkipsBuildOutputAndSortsByPath()
    {
        using var folder = new TempFolder();
        folder.Write("src/b.cs", "");
        folder.Write("src/a.c", "");
        folder.Write("src/bin/Debug/gen.cs", "");
        folder.Write("src/obj/gen.cs", "");

        var files = Enumerate(folder, ScanOptions.Default);

        Assert.Equal(["src/a.c", "src/b.cs"], files.Select(f => f.RelativePath));
        Assert.Equal([SourceLanguage.C, SourceLanguage.CSharp], files.Select(f => f.Language));
    }

    [Fact]
    public void Enumerate_IncludeAndExclude_Applied()
    {
        using var folder = new TempFolder();
        folder.Write("src/a.cs", "");
        folder.Write("tests/t.cs", "");
        folder.Write("src/Gen/g.cs", "");

        var files = Enumerate(folder, ScanOptions.Default with { Include = ["src/**"], Exclude = ["**/Gen/**"] });

        Assert.Equal(["src/a.cs"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Enumerate_SymlinkToOutsideFolder_NotFollowed()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        outside.Write("secret.cs", "");
        folder.Write("a.cs", "");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "link"), outside.Path);

        var files = Enumerate(folder, ScanOptions.Default);

        Assert.Equal(["a.cs"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Enumerate_SingleFile_OnlyThatFile()
    {
        using var folder = new TempFolder();
        var path = folder.Write("one.cs", "");
        folder.Write("two.cs", "");

        var files = SourceInventory.Enumerate(ScanTarget.TryCreate(path, out _)!, ScanOptions.Default, _ => { }, default);

        Assert.Equal(["one.cs"], files.Select(f => f.RelativePath));
    }

    private static IReadOnlyList<SourceFile> Enumerate(TempFolder folder, ScanOptions options) =>
        SourceInventory.Enumerate(ScanTarget.TryCreate(folder.Path, out _)!, options, _ => { }, default);
}
