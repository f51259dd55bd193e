using Osprey.Bench.Juliet;
using Osprey.Bench.Tests.Support;

namespace Osprey.Bench.Tests.Juliet;

public class JulietCaseGrouperTests
{
    [Fact]
    public void Group_MiniJuliet_FormsOneCasePerNameWithItsParts()
    {
        using var temp = new TempFolder();
        var suite = JulietSuite.Locate(MiniJuliet.Create(temp));
        var folder = Assert.Single(suite.CweFolders());

        var cases = JulietCaseGrouper.Group(folder.Cwe, folder.SourceFiles());

        Assert.Equal(78, folder.Cwe);
        Assert.Collection(
            cases,
            c =>
            {
                Assert.Equal("CWE78_OS_Command_Injection__Environment_01", c.Name);
                Assert.Equal("01", c.Variant);
                Assert.Equal("Environment", c.Source);
                Assert.Single(c.Files);
            },
            c =>
            {
                Assert.Equal("CWE78_OS_Command_Injection__QueryString_Web_22", c.Name);
                Assert.Equal("22", c.Variant);
                Assert.Equal("QueryString_Web", c.Source);
                Assert.Equal(2, c.Files.Length);
            });
    }

    [Theory]
    [InlineData("CWE78_OS_Command_Injection__File_81_bad.cs", "CWE78_OS_Command_Injection__File_81", "81")]
    [InlineData("CWE78_OS_Command_Injection__File_81_goodG2B.cs", "CWE78_OS_Command_Injection__File_81", "81")]
    [InlineData("CWE78_OS_Command_Injection__File_81a.cs", "CWE78_OS_Command_Injection__File_81", "81")]
    [InlineData("CWE89_SQL_Injection__Web_Get_Cookies_Web_ExecuteNonQuery_54e.cs", "CWE89_SQL_Injection__Web_Get_Cookies_Web_ExecuteNonQuery_54", "54")]
    [InlineData("CWE561_Dead_Code__unused_method_01_good1.cs", "CWE561_Dead_Code__unused_method_01", "01")]
    public void TryParse_CaseFile_YieldsCaseAndVariant(string file, string expectedCase, string expectedVariant)
    {
        Assert.True(JulietCaseGrouper.TryParse(file, out var name, out var variant));
        Assert.Equal(expectedCase, name);
        Assert.Equal(expectedVariant, variant);
    }

    [Theory]
    [InlineData("CWE486_Compare_Classes_by_Name__Helper.cs")]
    [InlineData("Program.cs")]
    public void TryParse_HelperOrProgram_BelongsToNoCase(string file) =>
        Assert.False(JulietCaseGrouper.TryParse(file, out _, out _));

    [Theory]
    [InlineData("CWE89_SQL_Injection__Web_Params_Get_Web_CommandText_01", "Params_Get_Web")]
    [InlineData("CWE190_Integer_Overflow__int_Connect_tcp_multiply_01", "Connect_tcp")]
    [InlineData("CWE89_SQL_Injection__Web_Get_Cookies_Web_ExecuteScalar_01", "Get_Cookies_Web")]
    [InlineData("CWE190_Integer_Overflow__Byte_rand_multiply_01", "other")]
    [InlineData("CWE23_Relative_Path_Traversal__Filename_01", "other")]
    public void SourceOf_CaseName_FindsWholeWordSource(string caseName, string expected) =>
        Assert.Equal(expected, JulietSources.Of(caseName));

    [Fact]
    public void Locate_FolderWithoutTestcases_FailsWithClearMessage()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<Osprey.Bench.Cli.BenchUsageException>(() => JulietSuite.Locate(temp.Path));
        Assert.Contains("not a Juliet C# checkout", error.Message);
    }
}
