using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Osprey.Native.Recon;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Toolchain;

/// <summary>
/// Finds clang, the sanitizer and libFuzzer runtimes, libclang, the symbolizer, scan-build,
/// AFL++, bear and network isolation. Compiler features are checked by building a tiny program,
/// not by looking for files, because Debian splits the runtimes into separate packages.
/// </summary>
internal sealed class ToolchainProbe
{
    // Newest first: the newest clang has the best sanitizers and analyzer.
    internal static readonly int[] KnownVersions = [22, 21, 20, 19, 18, 17, 16, 15, 14];

    private readonly string _searchPath;
    private readonly string _scratch;

    /// <param name="searchPath">The PATH to search (tests pass a fake one).</param>
    /// <param name="scratch">A folder for the probe programs.</param>
    public ToolchainProbe(string searchPath, string scratch)
    {
        _searchPath = searchPath;
        _scratch = scratch;
    }

    public async Task<NativeToolchain> ProbeAsync(CancellationToken cancellationToken)
    {
        var gaps = ImmutableArray.CreateBuilder<ToolchainGap>();
        var (clang, major) = FindClang();
        var suffix = major > 0 ? $"-{major}" : "";
        var version = major > 0 ? major : 19;
        string? clangXx = null;
        var sanitizers = false;
        var fuzzer = false;
        if (clang is null)
        {
            gaps.Add(new ToolchainGap("clang", "nothing can be built: no sanitizer proofs, no fuzzing, no static analyzer.", $"clang-{version}"));
        }
        else
        {
            clangXx = Find($"clang++{suffix}") ?? Find("clang++");
            Directory.CreateDirectory(_scratch);
            sanitizers = await CompilesAsync(clang, "-fsanitize=address,undefined", "int main(void){return 0;}", cancellationToken).ConfigureAwait(false);
            if (!sanitizers)
            {
                gaps.Add(new ToolchainGap("AddressSanitizer/UBSan runtime", "crashes cannot be proven; only static candidates are reported.", $"libclang-rt-{version}-dev"));
            }

            fuzzer = await CompilesAsync(clang, "-fsanitize=fuzzer,address,undefined",
                "#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t*d,size_t n){(void)d;(void)n;return 0;}", cancellationToken).ConfigureAwait(false);
            if (!fuzzer)
            {
                gaps.Add(new ToolchainGap("libFuzzer", "no fuzz campaigns; the engine reports static candidates only.", $"libfuzzer-{version}-dev"));
            }
        }

        var libclang = LibClangLoader.TryLoad(out var loaded) ? loaded : null;
        if (libclang is null)
        {
            gaps.Add(new ToolchainGap("libclang", "no function index, call graph or attack surface: harnesses are made only for existing fuzz targets.", $"libclang1-{version}"));
        }

        var symbolizer = Find($"llvm-symbolizer{suffix}") ?? Find("llvm-symbolizer");
        if (symbolizer is null)
        {
            gaps.Add(new ToolchainGap("llvm-symbolizer", "sanitizer stacks have no file and line, so crashes map to functions only.", $"llvm-{version}"));
        }

        var isolation = await ProbeIsolationAsync(cancellationToken).ConfigureAwait(false);
        if (isolation.IsEmpty)
        {
            gaps.Add(new ToolchainGap("unshare (network namespaces)", "fuzzed programs run WITH network access.", "util-linux"));
        }

        return new NativeToolchain
        {
            Clang = clang,
            ClangXx = clangXx,
            ClangMajorVersion = major,
            Sanitizers = sanitizers,
            LibFuzzer = fuzzer,
            LibClang = libclang,
            Symbolizer = symbolizer,
            ScanBuild = Find($"scan-build{suffix}") ?? Find("scan-build"),
            AflFuzz = Find("afl-fuzz"),
            Bear = Find("bear"),
            NetworkIsolation = isolation,
            Gaps = gaps.ToImmutable(),
        };
    }

    private (string? Path, int Major) FindClang()
    {
        foreach (var version in KnownVersions)
        {
            if (Find($"clang-{version}") is { } path)
            {
                return (path, version);
            }
        }

        return (Find("clang"), 0);
    }

    /// <summary>Finds <paramref name="name"/> in the search path, or null.</summary>
    public string? Find(string name)
    {
        foreach (var dir in _searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate) && IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private async Task<bool> CompilesAsync(string clang, string flags, string program, CancellationToken cancellationToken)
    {
        var name = "probe" + (uint)flags.GetHashCode(StringComparison.Ordinal);
        var source = Path.Combine(_scratch, name + ".c");
        await File.WriteAllTextAsync(source, program, cancellationToken).ConfigureAwait(false);
        var result = await ProcessRunner.RunAsync(
            new ProcessSpec(clang, [.. flags.Split(' '), source, "-o", Path.Combine(_scratch, name)]) { Timeout = TimeSpan.FromSeconds(60), WorkingDirectory = _scratch },
            cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private async Task<ImmutableArray<string>> ProbeIsolationAsync(CancellationToken cancellationToken)
    {
        if (Find("unshare") is not { } unshare || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return [];
        }

        // As root a plain network namespace works; otherwise a user namespace maps us to root in it.
        foreach (string[] args in (string[][])[["-n"], ["-r", "-n"]])
        {
            var result = await ProcessRunner.RunAsync(new ProcessSpec(unshare, [.. args, "true"]) { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode == 0)
            {
                return [unshare, .. args];
            }
        }

        return [];
    }
}
