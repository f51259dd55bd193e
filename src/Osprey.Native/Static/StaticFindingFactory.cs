using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Native.Recon;

namespace Osprey.Native.Static;

/// <summary>
/// Turns analyzer reports into unverified candidate findings, mapping checkers to the same rules
/// that fuzzing confirms (a null dereference is <c>c/null-dereference</c> whichever found it).
/// </summary>
internal static class StaticFindingFactory
{
    public static Finding Create(StaticCandidate candidate, NativeCodeIndex index, string root)
    {
        var (rule, cwes) = RuleOf(candidate);
        var function = EnclosingFunction(candidate, index);
        var location = new SourceLocation
        {
            FilePath = SourceLocation.NormalizePath(candidate.File, root),
            StartLine = candidate.Line,
            StartColumn = candidate.Column,
            EndLine = candidate.Line,
            Member = function,
        };
        var steps = candidate.Path.Select((s, i) => new TraceStep
        {
            Location = new SourceLocation { FilePath = SourceLocation.NormalizePath(s.File, root), StartLine = s.Line, StartColumn = s.Column },
            Description = s.Message,
            Kind = i == candidate.Path.Length - 1 ? TraceStepKind.Sink : TraceStepKind.Step,
        }).ToImmutableArray();
        return new Finding
        {
            RuleId = rule,
            Cwes = cwes,
            Title = candidate.Message,
            Message = $"The clang static analyzer ({candidate.Checker}) reports: {candidate.Message}. Not proven by running the code.",
            Severity = Severity.Low,
            Confidence = Confidence.Low,
            Location = location,
            Trace = steps,
            Verification = Verification.Unverified("static analyzer candidate; no input was found that proves it", "clang-analyzer"),
            SinkKind = candidate.Checker,
            Properties = ImmutableDictionary<string, string>.Empty.Add("checker", candidate.Checker),
        };
    }

    /// <summary>The function whose definition starts last before the report's line in the same file.</summary>
    public static string? EnclosingFunction(StaticCandidate candidate, NativeCodeIndex index) =>
        index.Functions.Where(f => f.FilePath == Path.GetFullPath(candidate.File) && f.Line <= candidate.Line).MaxBy(f => f.Line)?.Name;

    private static (string Rule, ImmutableArray<int> Cwes) RuleOf(StaticCandidate candidate)
    {
        var message = candidate.Message;
        return candidate.Checker switch
        {
            "core.NullDereference" or "core.NonNullParamChecker" or "unix.cstring.NullArg" => ("c/null-dereference", [476]),
            "core.CallAndMessage" when message.Contains("null", StringComparison.OrdinalIgnoreCase) => ("c/null-dereference", [476]),
            "core.DivideZero" => ("c/divide-by-zero", [369]),
            "unix.Malloc" or "cplusplus.NewDelete" when message.Contains("freed", StringComparison.Ordinal) && message.Contains("Use", StringComparison.Ordinal) => ("c/use-after-free", [416]),
            "unix.Malloc" or "cplusplus.NewDelete" when message.Contains("released", StringComparison.Ordinal) || message.Contains("twice", StringComparison.Ordinal) => ("c/double-free", [415]),
            "unix.Malloc" or "unix.MismatchedDeallocator" or "cplusplus.NewDelete" when message.Contains("not allocated", StringComparison.Ordinal) || message.Contains("should be deallocated", StringComparison.Ordinal) => ("c/invalid-free", [590, 763]),
            "security.ArrayBound" or "alpha.security.ArrayBoundV2" or "alpha.security.ArrayBound" or "alpha.unix.cstring.OutOfBounds" or "unix.cstring.BadSizeArg" => ("c/buffer-overflow", [787, 125]),
            "core.StackAddressEscape" => ("c/stack-use-after-scope", [562]),
            "core.BitwiseShift" => ("c/shift-out-of-bounds", [1335]),
            _ => ("c/static-analyzer", []),
        };
    }
}
