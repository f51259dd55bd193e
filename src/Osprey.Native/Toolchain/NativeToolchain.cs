using System.Collections.Immutable;

namespace Osprey.Native.Toolchain;

/// <summary>
/// The C/C++ tools found on this machine, and what is missing. The engine reads it to decide what
/// it can do: index with libclang, build with sanitizers, fuzz, run the static analyzer.
/// </summary>
public sealed record NativeToolchain
{
    /// <summary>The C compiler (<c>clang-19</c>, …), or null when none was found.</summary>
    public string? Clang { get; init; }

    /// <summary>The C++ compiler matching <see cref="Clang"/>, or null.</summary>
    public string? ClangXx { get; init; }

    /// <summary>The major version of <see cref="Clang"/>, or 0 when unknown.</summary>
    public int ClangMajorVersion { get; init; }

    /// <summary>Whether AddressSanitizer and UndefinedBehaviorSanitizer programs link and run.</summary>
    public bool Sanitizers { get; init; }

    /// <summary>Whether <c>-fsanitize=fuzzer</c> links (libFuzzer is installed).</summary>
    public bool LibFuzzer { get; init; }

    /// <summary>The libclang shared library that loaded, or null.</summary>
    public string? LibClang { get; init; }

    /// <summary><c>llvm-symbolizer</c>, used by the sanitizers to print file and line, or null.</summary>
    public string? Symbolizer { get; init; }

    /// <summary><c>scan-build</c>, or null (the engine runs <c>clang --analyze</c> itself either way).</summary>
    public string? ScanBuild { get; init; }

    /// <summary><c>afl-fuzz</c> (AFL++), or null.</summary>
    public string? AflFuzz { get; init; }

    /// <summary><c>bear</c>, which records a compile database from a build, or null.</summary>
    public string? Bear { get; init; }

    /// <summary>The <c>unshare</c> arguments that give a child no network, or empty when isolation is unavailable.</summary>
    public ImmutableArray<string> NetworkIsolation { get; init; } = [];

    /// <summary>What is missing, each with its consequence and the package that provides it.</summary>
    public ImmutableArray<ToolchainGap> Gaps { get; init; } = [];

    /// <summary>
    /// Finds the tools on <paramref name="searchPath"/> (the process's PATH when null), checking
    /// compiler features by building tiny programs in a temporary folder.
    /// </summary>
    public static async Task<NativeToolchain> DetectAsync(string? searchPath = null, CancellationToken cancellationToken = default)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "osprey-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
            return await new ToolchainProbe(path, scratch).ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>Whether fuzz campaigns can run (compiler, sanitizers and libFuzzer).</summary>
    public bool CanFuzz => Clang is not null && Sanitizers && LibFuzzer;

    /// <summary>Whether sanitizer builds can run without the fuzzer (proofs of given inputs).</summary>
    public bool CanRunSanitized => Clang is not null && Sanitizers;

    /// <summary>
    /// One paragraph for the user: what is missing, what the engine does without it, and the
    /// <c>apt-get</c> line that installs everything missing. Empty when nothing is missing.
    /// </summary>
    public string Describe()
    {
        if (Gaps.IsEmpty)
        {
            return "";
        }

        var lines = Gaps.Select(g => $"- {g.Tool}: {g.Consequence}");
        var packages = Gaps.Select(g => g.DebianPackage).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal);
        return "Native toolchain incomplete:\n" + string.Join('\n', lines)
            + "\nInstall with: apt-get install -y " + string.Join(' ', packages);
    }
}
