using Osprey.Native.Tests.Support;
using Osprey.Native.Toolchain;

namespace Osprey.Native.Tests.Toolchain;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ToolchainProbeTests
{
    [Fact]
    public async Task Detect_NoClangOnPath_SaysWhatIsMissingAndHowToInstallIt()
    {
        var empty = Directory.CreateTempSubdirectory("osprey-empty-path").FullName;
        try
        {
            var toolchain = await NativeToolchain.DetectAsync(empty);

            Assert.Null(toolchain.Clang);
            Assert.False(toolchain.CanFuzz);
            Assert.Contains(toolchain.Gaps, g => g.Tool == "clang");
            var message = toolchain.Describe();
            Assert.Contains("clang: nothing can be built", message);
            Assert.Contains("Install with: apt-get install -y clang-19", message);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public async Task Detect_ClangWithoutRuntimes_DegradesToStaticOnly()
    {
        var fake = Directory.CreateTempSubdirectory("osprey-fake-clang").FullName;
        try
        {
            // A clang-19 that fails every build, as when libclang-rt and libfuzzer are not installed.
            var clang = Path.Combine(fake, "clang-19");
            File.WriteAllText(clang, "#!/bin/sh\necho 'cannot find libclang_rt.asan' >&2\nexit 1\n");
            File.SetUnixFileMode(clang, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

            var toolchain = await NativeToolchain.DetectAsync(fake);

            Assert.Equal(clang, toolchain.Clang);
            Assert.Equal(19, toolchain.ClangMajorVersion);
            Assert.False(toolchain.Sanitizers);
            Assert.False(toolchain.LibFuzzer);
            Assert.False(toolchain.CanFuzz);
            var message = toolchain.Describe();
            Assert.Contains("libFuzzer: no fuzz campaigns; the engine reports static candidates only.", message);
            Assert.Contains("libclang-rt-19-dev", message);
            Assert.Contains("libfuzzer-19-dev", message);
            Assert.Contains("util-linux", message);
        }
        finally
        {
            Directory.Delete(fake, recursive: true);
        }
    }

    [NativeFact]
    public async Task Detect_InstalledToolchain_CanFuzzWithoutNetwork()
    {
        var toolchain = await NativeToolchain.DetectAsync();

        Assert.True(toolchain.CanFuzz, toolchain.Describe());
        Assert.NotNull(toolchain.LibClang);
        Assert.NotEmpty(toolchain.NetworkIsolation);
    }
}
