using Osprey.Reporting.Sarif;

namespace Osprey.Reporting.Tests.Sarif;

public class SarifUrisTests
{
    [Theory]
    [InlineData("src/A.cs", "src/A.cs")]
    [InlineData("src/My Files/a#b?.cs", "src/My%20Files/a%23b%3F.cs")]
    [InlineData("src\\Win\\B.cs", "src/Win/B.cs")]
    [InlineData("dir:odd/c.cs", "dir%3Aodd/c.cs")]
    [InlineData("50%/d.cs", "50%25/d.cs")]
    public void ForPath_RelativePath_IsEscapedAndRelativeToSrcRoot(string path, string uri)
    {
        Assert.Equal((uri, SarifUris.SourceRootId), SarifUris.ForPath(path));
    }

    [Theory]
    [InlineData("/usr/include/stdio.h", "file:///usr/include/stdio.h")]
    [InlineData("C:/Program Files/x.h", "file:///C:/Program%20Files/x.h")]
    [InlineData("C:\\src\\y.cs", "file:///C:/src/y.cs")]
    public void ForPath_AbsolutePath_IsAFileUriWithoutBase(string path, string uri)
    {
        Assert.Equal((uri, (string?)null), SarifUris.ForPath(path));
    }

    [Theory]
    [InlineData("/work/app", "file:///work/app/")]
    [InlineData("/work/app/", "file:///work/app/")]
    [InlineData("/work/Shop App", "file:///work/Shop%20App/")]
    public void RootUri_AnyRoot_EndsWithSlash(string root, string uri)
    {
        Assert.Equal(uri, SarifUris.RootUri(root));
    }
}
