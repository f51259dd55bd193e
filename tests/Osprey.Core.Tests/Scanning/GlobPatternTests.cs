using Osprey.Core.Scanning;

namespace Osprey.Core.Tests.Scanning;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*.cs", "a.cs", true)]
    [InlineData("*.cs", "src/deep/a.cs", true)]
    [InlineData("*.cs", "a.csx", false)]
    [InlineData("src/*.cs", "src/a.cs", true)]
    [InlineData("src/*.cs", "src/x/a.cs", false)]
    [InlineData("src/**/*.cs", "src/a.cs", true)]
    [InlineData("src/**/*.cs", "src/x/y/a.cs", true)]
    [InlineData("**/bin/**", "p/bin/Debug/a.cs", true)]
    [InlineData("**/bin/**", "p/binary/a.cs", false)]
    [InlineData("tests/", "tests/a/b.cs", true)]
    [InlineData("?.cs", "a.cs", true)]
    [InlineData("?.cs", "ab.cs", false)]
    public void IsMatch_Pattern_MatchesLikeGitignore(string pattern, string path, bool expected) =>
        Assert.Equal(expected, GlobPattern.Parse(pattern).IsMatch(path));

    [Fact]
    public void Accepts_ExcludeAfterInclude_Excludes()
    {
        var filter = new FileFilter(["src/**"], ["**/Generated/**"]);

        Assert.True(filter.Accepts("src/a.cs"));
        Assert.False(filter.Accepts("src/Generated/a.cs"));
        Assert.False(filter.Accepts("tests/a.cs"));
    }

    [Fact]
    public void ExcludesFolder_WholeFolderExcluded_True() =>
        Assert.True(new FileFilter([], ["**/obj/**"]).ExcludesFolder("src/obj"));

    [Fact]
    public void ExcludesFolder_OnlyFilesExcluded_False() =>
        Assert.False(new FileFilter([], ["*.designer.cs"]).ExcludesFolder("src"));
}
