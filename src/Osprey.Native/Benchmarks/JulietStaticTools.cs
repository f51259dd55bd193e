using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Runs cppcheck and the clang static analyzer on a Juliet case twice: once with only the bad
/// code (<c>-DOMITGOOD</c>) and once with only the good code (<c>-DOMITBAD</c>). A tool "detects"
/// a bad case when it reports a memory-safety or arithmetic finding (the checks listed below) on
/// the bad-only build, and "flags" a good case likewise. Style, portability, uninitialised-value
/// and dead-store findings are not counted: they are not the weaknesses these CWEs describe.
/// </summary>
internal static partial class JulietStaticTools
{
    [GeneratedRegex(@"warning: (?:.*\[(?:core\.NullDereference|core\.DivideZero|unix\.Malloc|unix\.MismatchedDeallocator|cplusplus\.NewDelete|security\.ArrayBound|alpha\.security\.ArrayBound\w*|alpha\.unix\.cstring\.\w+|unix\.cstring\.\w+|core\.StackAddressEscape|core\.BitwiseShift|core\.uninitialized\.ArraySubscript)\]|.*[Nn]ull pointer.*\[core\.CallAndMessage\])$", RegexOptions.Multiline)]
    private static partial Regex AnalyzerWarning();

    [GeneratedRegex(@"^(?:error|warning):(?:bufferAccessOutOfBounds|arrayIndexOutOfBounds\w*|outOfBounds|negativeIndex|negativeArraySize|pointerOutOfBounds\w*|ctuArrayIndex|doubleFree|deallocuse|deallocret|useAfterFree|invalidFree|mismatchAllocDealloc|nullPointer\w*|ctunullpointer|zerodiv\w*|integerOverflow\w*|shiftTooManyBits\w*|shiftNegative\w*|negativeMemoryAllocationSize|invalidLifetime|danglingLifetime|returnDanglingLifetime|danglingTemporaryLifetime|bufferNotZeroTerminated|terminateStrncpy|insecureCmdLineArgs|overlappingWriteFunction|sizeArgumentAsChar|wrongPrintfScanfArgNum|invalidScanfFormatWidth\w*|memsetSizeArgument\w*):", RegexOptions.Multiline)]
    private static partial Regex CppcheckWarning();

    public static async Task<bool?> CppcheckAsync(string? cppcheck, JulietCase @case, string support, string define, string work, CancellationToken cancellationToken)
    {
        if (cppcheck is null)
        {
            return null;
        }

        var args = ImmutableArray.Create("--quiet", "--enable=warning", "--inline-suppr", $"-D{define}", "-DINCLUDEMAIN", $"-I{support}", $"-I{Path.GetDirectoryName(@case.Files[0])}",
            "--template={severity}:{id}:{file}:{line}:{message}").AddRange(@case.Files);
        var result = await ProcessRunner.RunAsync(new ProcessSpec(cppcheck, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(2) }, cancellationToken).ConfigureAwait(false);
        return CppcheckWarning().IsMatch(result.StandardError) || CppcheckWarning().IsMatch(result.StandardOutput);
    }

    public static async Task<bool?> ClangAnalyzerAsync(string? clang, JulietCase @case, string support, string define, string work, CancellationToken cancellationToken)
    {
        if (clang is null)
        {
            return null;
        }

        var found = false;
        foreach (var file in @case.Files)
        {
            var args = ImmutableArray.Create("--analyze", "--analyzer-output", "text", "-Xanalyzer", "-analyzer-checker=alpha.security.ArrayBoundV2,alpha.unix.cstring.OutOfBounds", $"-D{define}", "-DINCLUDEMAIN", $"-I{support}", $"-I{Path.GetDirectoryName(file)}", "-o", "/dev/null", file);
            if (file.EndsWith(".cpp", StringComparison.Ordinal))
            {
                args = args.InsertRange(0, (string[])["-x", "c++"]);
            }

            var result = await ProcessRunner.RunAsync(new ProcessSpec(clang, args) { WorkingDirectory = work, Timeout = TimeSpan.FromMinutes(2) }, cancellationToken).ConfigureAwait(false);
            found |= AnalyzerWarning().IsMatch(result.StandardError);
        }

        return found;
    }
}
