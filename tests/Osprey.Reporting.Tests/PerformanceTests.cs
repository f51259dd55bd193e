using System.Diagnostics;
using Osprey.Core.Pipeline;
using Osprey.Core.Scanning;
using Osprey.Reporting.Tests.Support;

namespace Osprey.Reporting.Tests;

/// <summary>
/// Catches quadratic behaviour: 10,000 findings must render well inside a generous bound in every
/// format. The bound is on processor time, not wall-clock time: the development machines are shared
/// and their load swings wall-clock times sevenfold, while the processor time a render burns does
/// not move much. The class runs alone (its collection disables parallelisation) so the process's
/// processor time is the renderer's. Measured on the 2-core machine: 0.25–0.7 s per format.
/// </summary>
[Collection(nameof(PerformanceTests))]
public class PerformanceTests
{
    private const int FindingCount = 10_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private static readonly ScanReport Large = SampleReports.Many(FindingCount);

    public static TheoryData<string> Formats => ["sarif", "json", "md", "html", "text"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task RenderAsync_TenThousandFindings_FinishesWellUnderFiveSeconds(string format)
    {
        var renderer = ReportRenderers.Find(format)!;
        await RenderToNullAsync(renderer, SampleReports.Sample());

        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var bytes = await RenderToNullAsync(renderer, Large);
        clock.Stop();
        process.Refresh();
        var processorTime = process.TotalProcessorTime - before;

        Assert.True(
            processorTime < Bound,
            $"{format}: {FindingCount} findings took {processorTime.TotalMilliseconds:N0} ms of processor time ({clock.ElapsedMilliseconds:N0} ms wall clock, {bytes:N0} bytes)");
        Assert.True(bytes > 0);
    }

    [Fact]
    public async Task RenderAsync_TenThousandFindings_SarifHasEveryResult()
    {
        using var sarif = await Render.ToJsonAsync(new Reporting.Sarif.SarifReportRenderer(), Large);

        Assert.Equal(FindingCount, sarif.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }

    private static async Task<long> RenderToNullAsync(IReportRenderer renderer, ScanReport report)
    {
        await using var sink = new CountingStream();
        await renderer.RenderAsync(report, sink, CancellationToken.None);
        return sink.Length;
    }

    /// <summary>A write-only stream that only counts, so the measurement is the renderer's and not the buffer's.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Runs <see cref="PerformanceTests"/> after every other test class and alone.</summary>
[CollectionDefinition(nameof(PerformanceTests), DisableParallelization = true)]
public sealed class PerformanceTestsCollection;
