using System.Collections.Immutable;
using System.Globalization;
using Osprey.Core.Findings;
using Osprey.Native.Harness;
using Osprey.Native.Sandbox;

namespace Osprey.Native.Triage;

/// <summary>
/// Turns a triaged crash into a Core finding: the rule and CWEs from the classifier, the crash
/// frame mapped to source as the location, the stack as the trace (outermost frame first, the
/// faulting frame last as the sink), and — when it reproduced every time — a confirmed proof with
/// the input, the sanitizer report and a one-line replay command.
/// </summary>
internal static class CrashFindingFactory
{
    public static Finding Create(HarnessBuild build, CrashReproduction reproduction, byte[] input, string root, IReadOnlyDictionary<string, string> sanitizerEnvironment)
    {
        var report = reproduction.Report!;
        var crashClass = CrashClassifier.Classify(report);
        var frames = report.Frames.Where(f => !f.IsRuntime && f.File is not null).ToList();
        var inProject = frames.Where(f => IsUnder(f.File!, root)).ToList();
        var sinkFrame = inProject.FirstOrDefault() ?? frames.FirstOrDefault() ?? report.CrashFrame;
        var location = Locate(sinkFrame, root, build.Entry.EntryPoint.Location);
        var trace = Trace(inProject.Count > 0 ? inProject : frames, root);
        var entry = build.Entry.EntryPoint;
        var where = sinkFrame is { Function.Length: > 0 } ? $" in {sinkFrame.Function}" : "";
        var message = $"{Capitalize(crashClass.Summary)}{where} at {location}, reached from {entry.Name}. " +
            $"{report.Tool} stopped the program; the crash reproduced {reproduction.Reproduced}/{reproduction.Attempts} times from the saved input.";
        var verification = reproduction.IsStable
            ? Verification.Confirmed(Proof(build, report, input, crashClass, sanitizerEnvironment), "native-sanitizer", TimeSpan.Zero)
            : Verification.Unverified($"the crash reproduced {reproduction.Reproduced} of {reproduction.Attempts} times: it depends on state outside the input", "native-sanitizer");
        var properties = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        properties["sanitizer"] = report.Tool.ToString();
        properties["sanitizerKind"] = report.Kind;
        properties["reproduced"] = $"{reproduction.Reproduced}/{reproduction.Attempts}";
        properties["harness"] = build.Entry.Shape.ToString();
        properties["inputBytes"] = input.Length.ToString(CultureInfo.InvariantCulture);
        if (report.Access is { } access)
        {
            properties["access"] = access;
        }

        if (report.AccessSize > 0)
        {
            properties["accessSize"] = report.AccessSize.ToString(CultureInfo.InvariantCulture);
        }

        if (report.Scariness > 0)
        {
            properties["scariness"] = report.Scariness.ToString(CultureInfo.InvariantCulture);
        }

        if (report.DedupToken is { } token)
        {
            properties["dedupToken"] = token;
        }

        return new Finding
        {
            RuleId = crashClass.RuleId,
            Cwes = crashClass.Cwes,
            Title = Capitalize(crashClass.Summary),
            Message = message,
            Severity = crashClass.Severity,
            Confidence = reproduction.IsStable ? Confidence.High : Confidence.Low,
            Location = location,
            Trace = trace,
            Verification = verification,
            SourceKind = "remote",
            SinkKind = report.Kind,
            EntryPoint = entry,
            Properties = properties.ToImmutable(),
        };
    }

    private static Proof Proof(HarnessBuild build, SanitizerReport report, byte[] input, CrashClass crashClass, IReadOnlyDictionary<string, string> environment)
    {
        var base64 = Convert.ToBase64String(input);
        var options = string.Join(' ', environment.Where(e => e.Key is "ASAN_OPTIONS" or "UBSAN_OPTIONS").Select(e => $"{e.Key}={ShellQuote.Quote(e.Value)}"));
        var replay = $"echo {base64} | base64 -d > crash.bin && {options} {ShellQuote.Quote(build.FuzzerPath!)} crash.bin";
        return new Proof
        {
            EntryPoint = build.Entry.Shape == HarnessShape.ExistingFuzzTarget ? "LLVMFuzzerTestOneInput" : build.Entry.EntryPoint.Name,
            Payload = base64,
            PayloadEncoding = "base64",
            Observed = report.Excerpt,
            Explanation = $"{report.Tool} reports a {crashClass.Summary} ({report.Kind}) when this {input.Length}-byte input reaches the code.",
            Replay = new ReplayArtifact { Kind = "shell", Content = replay, FileName = "replay.sh" },
        };
    }

    private static SourceLocation Locate(StackFrame? frame, string root, SourceLocation? fallback)
    {
        if (frame?.File is { } file && frame.Line > 0)
        {
            return new SourceLocation
            {
                FilePath = SourceLocation.NormalizePath(file, root),
                StartLine = frame.Line,
                StartColumn = frame.Column,
                EndLine = frame.Line,
                Member = frame.Function,
            };
        }

        return fallback ?? new SourceLocation { FilePath = ".", StartLine = 1 };
    }

    private static ImmutableArray<TraceStep> Trace(IReadOnlyList<StackFrame> frames, string root)
    {
        var steps = ImmutableArray.CreateBuilder<TraceStep>();
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            var frame = frames[i];
            var kind = i == 0 ? TraceStepKind.Sink : i == frames.Count - 1 ? TraceStepKind.Source : TraceStepKind.Step;
            steps.Add(new TraceStep
            {
                Location = new SourceLocation
                {
                    FilePath = SourceLocation.NormalizePath(frame.File!, root),
                    StartLine = Math.Max(1, frame.Line),
                    StartColumn = frame.Column,
                    Member = frame.Function,
                },
                Description = i == 0 ? $"faults in {frame.Function} (frame #{frame.Index})" : $"calls from {frame.Function} (frame #{frame.Index})",
                Kind = frames.Count == 1 ? TraceStepKind.Sink : kind,
            });
        }

        return steps.ToImmutable();
    }

    private static bool IsUnder(string file, string root) =>
        Path.GetFullPath(file).StartsWith(Path.GetFullPath(root).TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
