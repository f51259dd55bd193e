using Osprey.Core.Findings;
using Osprey.Core.Pipeline;
using Osprey.Core.Recon;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;
using Osprey.Tests.Shared;

namespace Osprey.Core.Tests.Pipeline;

public sealed class ScanPipelineTests
{
    private const string Vulnerable = """
        class Sample
        {
            void Handle()
            {
                var q = SOURCE();
                EXEC(q);
                EXEC(q); // low
            }
        }
        """;

    [Fact]
    public async Task RunAsync_OneEngineCrashes_OtherEnginesFindingsKept()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        var pipeline = new ScanPipeline([new MarkerEngine("good"), new ThrowingEngine()]);

        var report = await pipeline.RunAsync(Target(folder), ScanOptions.Default);

        Assert.Equal(2, report.Findings.Length);
        Assert.All(report.Findings, f => Assert.Equal("good", f.Engine));
        var failed = Assert.Single(report.Engines, e => e.Outcome == EngineOutcome.Failed);
        Assert.Equal("throwing", failed.Name);
        var diagnostic = Assert.Single(report.Diagnostics, d => d.Code == "engine-failed");
        Assert.Contains("boom", diagnostic.Message);
        Assert.True(report.HasEngineFailures);
    }

    [Fact]
    public async Task RunAsync_EngineCrashesHalfWay_FindingsBeforeTheCrashKept()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        folder.Write("B.cs", Vulnerable);
        var pipeline = new ScanPipeline([new MarkerEngine(crashOn: path => path == "B.cs")]);

        var report = await pipeline.RunAsync(Target(folder), ScanOptions.Default);

        Assert.Equal(2, report.Findings.Length);
        Assert.All(report.Findings, f => Assert.Equal("A.cs", f.Location.FilePath));
        var run = Assert.Single(report.Engines);
        Assert.Equal(EngineOutcome.Failed, run.Outcome);
        Assert.Equal(2, run.Findings);
    }

    [Fact]
    public async Task RunAsync_Findings_OrderedMostSevereFirst_WithSnippetsAndTrace()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);

        var report = await new ScanPipeline([new MarkerEngine()]).RunAsync(Target(folder), ScanOptions.Default);

        Assert.Equal([Severity.High, Severity.Low], report.Findings.Select(f => f.Severity));
        var first = report.Findings[0];
        Assert.Equal("EXEC(q);", first.Location.Snippet);
        Assert.Equal("var q = SOURCE();", first.Trace[0].Location.Snippet);
        Assert.Equal(32, first.Fingerprint.Length);
        Assert.Equal(1, report.FileCount);
        Assert.Contains(report.Rules, r => r.Id == MarkerEngine.MarkerRule.Id);
    }

    [Fact]
    public async Task RunAsync_EngineNotApplicable_Skipped()
    {
        using var folder = new TempFolder();
        folder.Write("readme.txt", "EXEC(");

        var report = await new ScanPipeline([new MarkerEngine()]).RunAsync(Target(folder), ScanOptions.Default);

        Assert.Empty(report.Findings);
        Assert.Equal(EngineOutcome.Skipped, Assert.Single(report.Engines).Outcome);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ScanPipeline([new MarkerEngine()]).RunAsync(Target(folder), ScanOptions.Default, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task RunAsync_InvalidOptions_ThrowsWithEveryProblem()
    {
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new ScanPipeline([]).RunAsync(Target(folder), ScanOptions.Default with { Threads = 0, VerifyParallelism = 0 }));

        Assert.Contains("Threads", error.Message);
        Assert.Contains("parallelism", error.Message);
    }

    [Fact]
    public async Task RunAsync_VerifierThrows_FindingUnverifiedWithReason_OthersVerified()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        var pipeline = new ScanPipeline([new MarkerEngine()], verifiers: [new SeverityVerifier()]);

        var report = await pipeline.RunAsync(Target(folder), ScanOptions.Default with { Verify = true });

        var high = report.Findings.Single(f => f.Severity == Severity.High);
        var refuted = report.Findings.Single(f => f.Verification.Status != VerificationStatus.Confirmed);
        Assert.Equal(VerificationStatus.Confirmed, high.Verification.Status);
        Assert.Equal(VerificationStatus.Unverified, refuted.Verification.Status);
        Assert.Contains("low findings are not verified", refuted.Verification.Reason);
        Assert.Contains(report.Diagnostics, d => d.Code == "verifier-failed");
    }

    [Fact]
    public async Task RunAsync_VerifyOff_VerifierNotCalled()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        var verifier = new SeverityVerifier();

        var report = await new ScanPipeline([new MarkerEngine()], verifiers: [verifier]).RunAsync(Target(folder), ScanOptions.Default);

        Assert.Equal(0, verifier.Calls);
        Assert.All(report.Findings, f => Assert.Equal(VerificationStatus.Unverified, f.Verification.Status));
    }

    [Fact]
    public async Task RunAsync_ReportsProgressThroughThePhases()
    {
        using var folder = new TempFolder();
        folder.Write("A.cs", Vulnerable);
        var phases = new List<ScanPhase>();
        var progress = new SynchronousProgress(p => { lock (phases) { phases.Add(p.Phase); } });

        await new ScanPipeline([new MarkerEngine()]).RunAsync(Target(folder), ScanOptions.Default, progress);

        Assert.Equal(ScanPhase.Recon, phases[0]);
        Assert.Contains(ScanPhase.Discover, phases);
        Assert.Equal(ScanPhase.Done, phases[^1]);
    }

    private static ScanTarget Target(TempFolder folder) => ScanTarget.TryCreate(folder.Path, out _)!;

    private sealed class ThrowingEngine : IDiscoveryEngine
    {
        public string Name => "throwing";

        public IReadOnlyList<Rule> Rules => [];

        public bool AppliesTo(ReconResult recon) => true;

        public Task DiscoverAsync(ScanContext context, ReconResult recon, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class SeverityVerifier : IVerifier
    {
        private int _calls;

        public int Calls => _calls;

        public string Name => "severity-verifier";

        public bool CanVerify(Finding finding) => true;

        public Task<Verification> VerifyAsync(ScanContext context, ReconResult recon, Finding finding, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return finding.Severity == Severity.Low
                ? throw new InvalidOperationException("low findings are not verified")
                : Task.FromResult(Verification.Confirmed(new Proof { EntryPoint = "Handle()", Payload = "'", Observed = "EXEC(')" }, Name, TimeSpan.Zero));
        }
    }

    private sealed class SynchronousProgress(Action<ScanProgress> handler) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => handler(value);
    }
}
