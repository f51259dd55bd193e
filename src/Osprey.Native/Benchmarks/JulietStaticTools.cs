using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Runs cppcheck and the clang static analyzer on a batch of Juliet cases twice: once with only the
/// bad code (<c>-DOMITGOOD</c>) and once with only the good code (<c>-DOMITBAD</c>); each warning is
/// attributed to the case whose file it is in. A tool "detects"
/// a bad case when it reports a memory-safety or arithmetic finding (the checks listed below) on
/// the bad-only build, and "flags" a good case likewise. Style, portability, uninitialised-value
/// and dead-store findings are not counted: they are not the weaknesses these CWEs describe.
/// </summary>
internal static partial class JulietStaticTools
{
    [GeneratedRegex(@"^(?<file>[^:\s]+):\d+:\d+: warning: (?:.*\[(?:core\.NullDereference|core\.DivideZero|unix\.Malloc|unix\.MismatchedDeallocator|cplusplus\.NewDelete|security\.ArrayBound|alpha\.security\.ArrayBound\w*|alpha\.unix\.cstring\.\w+|unix\.cstring\.\w+|core\.StackAddressEscape|core\.BitwiseShift|core\.uninitialized\.ArraySubscript)\]|.*[Nn]ull pointer.*\[core\.CallAndMessage\])$", RegexOptions.Multiline)]
    private static partial Regex AnalyzerWarning();

    [GeneratedRegex(@"^(?:error|warning):(?:bufferAccessOutOfBounds|arrayIndexOutOfBounds\w*|outOfBounds|negativeIndex|negativeArraySize|pointerOutOfBounds\w*|ctuArrayIndex|doubleFree|deallocuse|deallocret|useAfterFree|invalidFree|mismatchAllocDealloc|nullPointer\w*|ctunullpointer|zerodiv\w*|integerOverflow\w*|shiftTooManyBits\w*|shiftNegative\w*|negativeMemoryAllocationSize|invalidLifetime|danglingLifetime|returnDanglingLifetime|danglingTemporaryLifetime|bufferNotZeroTerminated|terminateStrncpy|insecureCmdLineArgs|overlappingWriteFunction|sizeArgumentAsChar|wrongPrintfScanfArgNum|invalidScanfFormatWidth\w*|memsetSizeArgument\w*):(?<file>[^:]+):", RegexOptions.Multiline)]
    private static partial Regex CppcheckWarning();

    /// <summary>The cases of <paramref name="cases"/> on which cppcheck reports a counted finding with <c>-D<paramref name="define"/></c>; null when cppcheck is missing.</summary>
    public static async Task<IReadOnlySet<string>?> CppcheckAsync(string? cppcheck, IReadOnlyList<JulietCase> cases, string support, ImmutableArray<string> folders, string define, string work, CancellationToken cancellationToken)
    {
        if (cppcheck is null)
        {
            return null;
        }

        var args = ImmutableArray.Create("--quiet", "--enable=warning", "--inline-suppr", $"-D{define}", "-DINCLUDEMAIN", $"-I{support}")
            .AddRange(folders.Select(f => "-I" + f)).Add("--template={severity}:{id}:{file}:{line}:{message}").AddRange(cases.SelectMany(c => c.Files));
        var result = await ProcessRunner.RunAsync(new ProcessSpec(cppcheck, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(30) }, cancellationToken).ConfigureAwait(false);
        var byFile = ByFile(cases);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in CppcheckWarning().Matches(result.StandardError + "\n" + result.StandardOutput))
        {
            if (byFile.TryGetValue(match.Groups["file"].Value, out var name))
            {
                flagged.Add(name);
            }
        }

        return flagged;
    }

    /// <summary>The cases on which the clang static analyzer reports a counted finding with <c>-D<paramref name="define"/></c>; null when clang is missing.</summary>
    public static async Task<IReadOnlySet<string>?> ClangAnalyzerAsync(string? clang, IReadOnlyList<JulietCase> cases, string support, ImmutableArray<string> folders, string define, string work, CancellationToken cancellationToken)
    {
        if (clang is null)
        {
            return null;
        }

        var byFile = ByFile(cases);
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cpp in new[] { false, true })
        {
            var files = cases.Where(c => c.IsCpp == cpp).SelectMany(c => c.Files).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            var args = ImmutableArray.Create("--analyze", "--analyzer-output", "text", "-Xanalyzer", "-analyzer-checker=alpha.security.ArrayBoundV2,alpha.unix.cstring.OutOfBounds", $"-D{define}", "-DINCLUDEMAIN", $"-I{support}")
                .AddRange(folders.Select(f => "-I" + f))
                .InsertRange(0, cpp ? (string[])["-x", "c++"] : []).AddRange(files);
            var result = await ProcessRunner.RunAsync(new ProcessSpec(clang, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(30) }, cancellationToken).ConfigureAwait(false);
            foreach (Match match in AnalyzerWarning().Matches(result.StandardError))
            {
                if (byFile.TryGetValue(match.Groups["file"].Value, out var name))
                {
                    flagged.Add(name);
                }
            }
        }

        return flagged;
    }

    private static Dictionary<string, string> ByFile(IEnumerable<JulietCase> cases) =>
        cases.SelectMany(c => c.Files.Select(f => (File: f, c.Name))).ToDictionary(x => x.File, x => x.Name, StringComparer.Ordinal);
}
