using Osprey.Native.Toolchain;

namespace Osprey.Native.Tests.Support;

/// <summary>
/// A fact that needs clang on the PATH (CI installs clang-19, libclang-rt-19-dev and
/// libfuzzer-19-dev). Without it the test is skipped with a message saying what to install.
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!TestToolchain.HasClang)
        {
            Skip = TestToolchain.SkipReason;
        }
    }
}

/// <summary>A theory that needs clang on the PATH; see <see cref="NativeFactAttribute"/>.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (!TestToolchain.HasClang)
        {
            Skip = TestToolchain.SkipReason;
        }
    }
}

internal static class TestToolchain
{
    public const string SkipReason = "clang is not installed: apt-get install -y clang-19 libclang-rt-19-dev libfuzzer-19-dev llvm-19 libclang1-19";

    public static bool HasClang { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => ToolchainProbe.KnownVersions.Any(v => File.Exists(Path.Combine(dir, $"clang-{v}"))) || File.Exists(Path.Combine(dir, "clang")));
}
