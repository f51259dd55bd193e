using Osprey.Native.Tests.Support;

namespace Osprey.Native.Tests.Benchmarks;

public sealed class JulietBenchmarkTests(JulietRunFixture run) : IClassFixture<JulietRunFixture>
{
    [NativeTheory]
    [InlineData("CWE369_Divide_by_Zero__int_zero_01", "c/divide-by-zero")]
    [InlineData("CWE369_Divide_by_Zero__float_zero_01", "c/divide-by-zero")]
    [InlineData("CWE415_Double_Free__malloc_free_char_01", "c/double-free")]
    [InlineData("CWE415_Double_Free__new_delete_int_01", "c/double-free")]
    [InlineData("CWE416_Use_After_Free__malloc_free_int_01", "c/use-after-free")]
    [InlineData("CWE476_NULL_Pointer_Dereference__struct_01", "c/null-dereference")]
    [InlineData("CWE126_Buffer_Overread__char_declare_loop_01", "c/stack-buffer-overflow")]
    public void RunAsync_BadFunction_IsConfirmedAndClassifiedAsItsCwe(string name, string rule)
    {
        var result = run.Case(name);

        Assert.Null(result.BuildError);
        Assert.True(result.BadConfirmed, $"{name}: bad function not confirmed");
        Assert.Equal(rule, result.RuleId);
        Assert.Equal(result.Cwe, result.ClassifiedCwes[0]);
    }

    [NativeFact]
    public void RunAsync_StackStringCopiedWithoutTerminator_IsAnOverreadWhenPrinted()
    {
        var result = run.Case("CWE126_Buffer_Overread__CWE170_char_strncpy_01");

        Assert.True(result.BadConfirmed, "printf read of an unterminated local string not confirmed");
        Assert.Contains(126, result.ClassifiedCwes);
    }

    [NativeFact]
    public void RunAsync_UnterminatedWideStringPrintedWithWprintf_IsAnOverread()
    {
        var result = run.Case("CWE126_Buffer_Overread__CWE170_wchar_t_loop_01");

        Assert.True(result.BadConfirmed, "wprintf read of an unterminated wide string not confirmed");
        Assert.Contains(126, result.ClassifiedCwes);
    }

    [NativeFact]
    public void RunAsync_GoodFunctions_AreNeverFlagged()
    {
        Assert.Equal(9, run.Result.Built);
        Assert.Empty(run.Result.Cases.Where(c => c.GoodFlagged).Select(c => c.Name));
    }
}
