using Osprey.Core.Findings;
using Osprey.Native.Tests.Support;

namespace Osprey.Native.Tests;

public sealed class BugClassTests(BugScanFixture scan) : IClassFixture<BugScanFixture>
{
    [NativeTheory]
    [InlineData("parse_record", "c/stack-buffer-overflow", 121, "record.c", 10, "WRITE")]
    [InlineData("checksum_packet", "c/heap-buffer-overflow", 126, "checksum.c", 13, "READ")]
    [InlineData("store_tag", "c/heap-buffer-overflow", 122, "tag.c", 13, "WRITE")]
    [InlineData("session_input", "c/use-after-free", 416, "session.c", 15, "READ")]
    public void Scan_MemoryBug_IsConfirmedAndClassified(string function, string rule, int cwe, string file, int line, string access)
    {
        var finding = scan.ConfirmedIn(function);

        Assert.Equal(rule, finding.RuleId);
        Assert.Equal(cwe, finding.Cwes[0]);
        Assert.Equal(file, finding.Location.FilePath);
        Assert.Equal(line, finding.Location.StartLine);
        Assert.Equal(access, finding.Properties["access"]);
        Assert.Equal("3/3", finding.Properties["reproduced"]);
    }

    [NativeTheory]
    [InlineData("release_buffer", "c/double-free", 415, "release.c", 16)]
    [InlineData("lookup_key", "c/null-dereference", 476, "lookup.c", 17)]
    [InlineData("image_area", "c/integer-overflow", 190, "area.c", 16)]
    [InlineData("average_of", "c/divide-by-zero", 369, "average.c", 5)]
    public void Scan_CrashOrUndefinedBehaviour_IsConfirmedAndClassified(string function, string rule, int cwe, string file, int line)
    {
        var finding = scan.ConfirmedIn(function);

        Assert.Equal(rule, finding.RuleId);
        Assert.Equal(cwe, finding.Cwes[0]);
        Assert.Equal(file, finding.Location.FilePath);
        Assert.Equal(line, finding.Location.StartLine);
    }

    [NativeFact]
    public void Scan_WriteOverflow_IsMoreSevereThanNullDereference()
    {
        Assert.Equal(Severity.High, scan.ConfirmedIn("parse_record").Severity);
        Assert.Equal(Severity.Medium, scan.ConfirmedIn("lookup_key").Severity);
    }

    [NativeFact]
    public void Proof_CarriesInputSanitizerReportAndReplayCommand()
    {
        var finding = scan.ConfirmedIn("parse_record");
        var proof = finding.Verification.Proof!;

        Assert.Equal("base64", proof.PayloadEncoding);
        Assert.Equal('R', (char)Convert.FromBase64String(proof.Payload)[0]);
        Assert.Contains("AddressSanitizer: stack-buffer-overflow", proof.Observed);
        Assert.Equal("shell", proof.Replay!.Kind);
        Assert.Contains("base64 -d > crash.bin", proof.Replay.Content);
        Assert.Contains(".fuzzer crash.bin", proof.Replay.Content);
    }

    [NativeFact]
    public void Trace_GoesFromHarnessToFaultingFrame()
    {
        var finding = scan.ConfirmedIn("lookup_key");

        var sink = finding.Trace[^1];
        Assert.Equal(TraceStepKind.Sink, sink.Kind);
        Assert.Equal("lookup_key", sink.Location.Member);
        Assert.Equal(17, sink.Location.StartLine);
    }

    [NativeTheory]
    [InlineData("parse_record", "BytesAndLength", EntryPointKind.FuzzTarget)]
    [InlineData("store_tag", "CString", EntryPointKind.PublicApi)]
    [InlineData("average_of", "SplitInput", EntryPointKind.PublicApi)]
    public void Harness_ApiWithoutFuzzTarget_IsSynthesisedFromItsSignature(string function, string shape, EntryPointKind kind)
    {
        var finding = scan.ConfirmedIn(function);

        Assert.Equal(shape, finding.Properties["harness"]);
        Assert.Equal(kind, finding.EntryPoint!.Kind);
    }

    [NativeFact]
    public void Recon_ListsEveryEntryPoint_ButNotInternalHelpers()
    {
        var handlers = scan.Report.EntryPoints.Select(e => e.Handler).ToHashSet();

        Assert.Superset(new HashSet<string?> { "parse_record", "checksum_packet", "store_tag", "session_input", "release_buffer", "lookup_key", "image_area", "average_of" }, handlers);
        Assert.DoesNotContain("find_home", handlers);
    }

    [NativeFact]
    public void Scan_CrashProvenByFuzzing_IsNotAlsoReportedAsStaticCandidate()
    {
        var atDoubleFree = scan.Report.Findings.Where(f => f.Location.FilePath == "release.c" && f.Location.StartLine == 16).ToList();

        Assert.Single(atDoubleFree);
        Assert.Equal(VerificationStatus.Confirmed, atDoubleFree[0].Verification.Status);
    }
}
