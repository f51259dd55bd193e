using Osprey.CSharp.Misuse;

namespace Osprey.CSharp.Tests.Misuse;

public sealed class UntrustedLibraryPathTests
{
    private const string RuleId = "cs/untrusted-library-path";

    [Fact]
    public async Task AssemblyLoadOfBareFileNameFromLocal_Reported()
    {
        const string Source = """
            using System.Reflection;
            public class Plugins
            {
                public void Load()
                {
                    string libraryName = "test.dll";
                    Assembly.Load(libraryName); // here
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, RuleId);

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
        Assert.Equal([114, 427], finding.Cwes.ToArray());
    }

    [Fact]
    public async Task NativeLibraryLoadAndPInvokeLoadLibraryOfBareNames_EachReported()
    {
        const string Source = """
            using System;
            using System.Runtime.InteropServices;
            public class Native
            {
                [DllImport("kernel32.dll", CharSet = CharSet.Unicode)]
                private static extern IntPtr LoadLibrary(string name);

                public IntPtr Codec() => NativeLibrary.Load("codec.dll"); // managed
                public IntPtr Helper() => LoadLibrary("helper.dll"); // pinvoke
            }
            """;

        var findings = (await MisuseHarness.AnalyzeAsync(Source)).Where(f => f.RuleId == RuleId).Select(f => f.Location.StartLine).Order();

        Assert.Equal([MisuseHarness.LineOf(Source, "// managed"), MisuseHarness.LineOf(Source, "// pinvoke")], findings);
    }

    [Fact]
    public async Task LoadFromAbsolutePathOrAssemblyDisplayName_NotReported()
    {
        const string Source = """
            using System;
            using System.IO;
            using System.Reflection;
            public class Plugins
            {
                public void Load(bool windows)
                {
                    string root = windows ? "C:\\libs\\" : "/home/user/libs/";
                    Assembly.LoadFrom(root + "test.dll");
                    Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "plugin.dll"));
                    Assembly.Load("System.Xml");
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, RuleId);
    }

    [Theory]
    [InlineData("plugin.dll", true)]
    [InlineData("libcodec.so", true)]
    [InlineData("System.Xml", false)]
    [InlineData("./plugin.dll", false)]
    [InlineData("C:\\libs\\plugin.dll", false)]
    [InlineData("", false)]
    public void IsBareLibraryName_FileNamesWithoutFolder(string name, bool bare)
    {
        Assert.Equal(bare, UntrustedLibraryPathCheck.IsBareLibraryName(name));
    }
}
