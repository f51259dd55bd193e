using System.Text;
using Osprey.Native.Sandbox;
using Osprey.Native.Triage;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// Runs one built Juliet case: its <c>bad</c> function, then its <c>good</c> function, each in a
/// fresh sandboxed process. A case that reads standard input gets each candidate input in turn:
/// the bad function is confirmed by the first input under which a sanitizer reports a crash; the
/// good function must survive every input.
/// </summary>
internal static class JulietCaseRunner
{
    private static readonly string[] StdinCandidates =
        ["", "\x7f", "\x80", "0", "-1", "10", "100", "127", "-128", "255", "32767", "-32768", "65535", "2147483647", "-2147483648", "4294967295", "9223372036854775807", "-9223372036854775808"];

    public static async Task<JulietCaseResult> RunAsync(NativeSandbox sandbox, string program, JulietCase @case, string work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var readsInput = @case.Files.Any(f => File.ReadAllText(f) is var text && (text.Contains("stdin", StringComparison.Ordinal) || text.Contains("fgets", StringComparison.Ordinal)));
        var inputs = readsInput ? StdinCandidates : [""];
        CrashClass? crashClass = null;
        foreach (var input in inputs)
        {
            if (await CrashAsync(sandbox, program, @case.Name, "bad", input, work, timeout, cancellationToken).ConfigureAwait(false) is { } report)
            {
                crashClass = CrashClassifier.Classify(report);
                break;
            }
        }

        string? goodCrash = null;
        foreach (var input in inputs)
        {
            if (await CrashAsync(sandbox, program, @case.Name, "good", input, work, timeout, cancellationToken).ConfigureAwait(false) is { } report)
            {
                goodCrash = Describe(report, input, readsInput);
                break;
            }
        }

        return new JulietCaseResult
        {
            Name = @case.Name,
            Cwe = @case.Cwe,
            BadConfirmed = crashClass is not null,
            GoodFlagged = goodCrash is not null,
            GoodCrash = goodCrash,
            ClassifiedCwes = crashClass?.Cwes ?? [],
            RuleId = crashClass?.RuleId,
            ReadsInput = readsInput,
        };
    }

    // "input -9223372036854775808: signed-integer-overflow (…cannot be represented in type 'long') at x.c:79": enough to judge a flagged good case.
    private static string Describe(SanitizerReport report, string input, bool readsInput)
    {
        var frame = report.Frames.FirstOrDefault(f => !f.IsRuntime && f.File is not null);
        var where = frame is null ? "" : $" at {Path.GetFileName(frame.File)}:{frame.Line}";
        var headline = report.Headline.Length > 0 ? $" ({report.Headline})" : "";
        return $"{(readsInput ? $"input {(input.Length == 0 ? "(empty)" : input)}: " : "")}{report.Kind}{headline}{where}";
    }

    private static async Task<SanitizerReport?> CrashAsync(NativeSandbox sandbox, string program, string name, string function, string input, string work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stdin = Encoding.Latin1.GetBytes(string.Concat(Enumerable.Repeat(input.Length == 1 ? input : input + "\n", 16)));
        var run = await ProcessRunner.RunAsync(sandbox.Wrap(program, [name, function], work, timeout) with { StandardInput = stdin }, cancellationToken).ConfigureAwait(false);
        return run.ExitCode == 0 ? null : SanitizerReportParser.Parse(run.StandardError);
    }
}
