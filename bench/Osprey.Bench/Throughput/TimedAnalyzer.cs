using System.Diagnostics;
using Osprey.Core.Rules;
using Osprey.CSharp.Analysis;

namespace Osprey.Bench.Throughput;

/// <summary>
/// Wraps one of the engine's compilation analyzers and adds up the time its
/// <see cref="ICompilationAnalyzer.Analyze"/> calls take. Projects are analysed in parallel, so
/// the sum is thread time, which can exceed the wall time of the whole stage.
/// </summary>
internal sealed class TimedAnalyzer(ICompilationAnalyzer inner) : ICompilationAnalyzer
{
    private long _ticks;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public IReadOnlyList<Rule> Rules => inner.Rules;

    /// <summary>Seconds spent in this analyzer, summed over the projects.</summary>
    public double Seconds => Interlocked.Read(ref _ticks) / (double)Stopwatch.Frequency;

    /// <inheritdoc />
    public void Analyze(CSharpAnalysisContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            inner.Analyze(context, cancellationToken);
        }
        finally
        {
            Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - started);
        }
    }
}
