using System.Collections.Immutable;

namespace Osprey.Native.Benchmarks;

/// <summary>Settings of a Juliet C/C++ benchmark run.</summary>
public sealed record JulietCBenchmarkOptions
{
    /// <summary>The Juliet checkout (the folder holding <c>testcases/</c> and <c>testcasesupport/</c>).</summary>
    public required string JulietRoot { get; init; }

    /// <summary>A scratch folder for builds; deleted afterwards unless <see cref="KeepWork"/> is set.</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>The CWEs to run.</summary>
    /// <value>121, 122, 124, 126, 127, 415, 416, 476, 190, 191, 369.</value>
    public ImmutableArray<int> Cwes { get; init; } = [121, 122, 124, 126, 127, 415, 416, 476, 190, 191, 369];

    /// <summary>Cases per CWE, drawn with <see cref="SampleSeed"/> one flow variant at a time so that as many variants as possible are in; 0 runs every case.</summary>
    /// <value>0.</value>
    public int SamplePerCwe { get; init; }

    /// <summary>
    /// Cases per CWE and flow variant (the two-digit suffix), drawn by a shuffle with
    /// <see cref="SampleSeed"/>; when positive it replaces <see cref="SamplePerCwe"/>, so that every
    /// CWE and every control- and data-flow variant is in the sample.
    /// </summary>
    /// <value>0.</value>
    public int SamplePerFlowVariant { get; init; }

    /// <summary>The seed of the samples' shuffles: the same seed draws the same cases.</summary>
    /// <value>20261129.</value>
    public int SampleSeed { get; init; } = 20261129;

    /// <summary>Cases built into one program.</summary>
    /// <value>80.</value>
    public int BatchSize { get; init; } = 80;

    /// <summary>Batches built and run at once.</summary>
    /// <value>2.</value>
    public int Parallelism { get; init; } = 2;

    /// <summary>Whether to run cppcheck and the clang static analyzer on the same cases.</summary>
    /// <value>True.</value>
    public bool CompareStaticTools { get; init; } = true;

    /// <summary>Wall-clock limit of one run of a case program.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan RunTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each batch with the results so far (a run stopped early still leaves its figures).</summary>
    /// <value>Null.</value>
    public Action<JulietCBenchmarkResult>? OnBatchFinished { get; init; }

    /// <summary>Whether to keep the build folder.</summary>
    /// <value>False.</value>
    public bool KeepWork { get; init; }
}
