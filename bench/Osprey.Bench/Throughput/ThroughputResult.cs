namespace Osprey.Bench.Throughput;

/// <summary>One mode's repeated measurements.</summary>
internal sealed class ModeResult
{
    /// <summary>Each repetition.</summary>
    public List<ThroughputSample> Samples { get; init; } = [];

    /// <summary>Median seconds over successful samples, or 0.</summary>
    public double MedianSeconds { get; set; }

    /// <summary>Median CPU seconds over successful samples, or 0.</summary>
    public double MedianCpuSeconds { get; set; }

    /// <summary>Largest peak working set over the samples.</summary>
    public long PeakWorkingSetBytes { get; set; }

    /// <summary>Lines of C# per second at the median.</summary>
    public double LinesPerSecond { get; set; }
}

/// <summary>The JSON document <c>throughput</c> writes.</summary>
internal sealed class ThroughputResult
{
    /// <summary>Always <c>throughput</c>.</summary>
    public string Benchmark { get; init; } = "throughput";

    /// <summary>What was measured.</summary>
    public required string Path { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>C# files measured.</summary>
    public int Files { get; init; }

    /// <summary>Projects (folders with a project file) the files form.</summary>
    public int Projects { get; init; }

    /// <summary>Lines of C#.</summary>
    public long Lines { get; init; }

    /// <summary>Which baseline ran: <c>roslyn</c> (Osprey's loader's compilations) or <c>roslyn-framework</c>.</summary>
    public string Baseline { get; init; } = "roslyn";

    /// <summary>(a) parse and bind with Roslyn alone.</summary>
    public ModeResult Roslyn { get; init; } = new();

    /// <summary>(b) a full Osprey scan.</summary>
    public ModeResult Osprey { get; init; } = new();

    /// <summary>Osprey's median over Roslyn's; null when either failed.</summary>
    public double? Ratio { get; set; }

    /// <summary><c>dotnet build</c> of a generated project with and without Security Code Scan, when asked for.</summary>
    public BuildTiming? Build { get; set; }
}

/// <summary>Wall times of a plain build and a build with Security Code Scan.</summary>
/// <param name="PlainSeconds">Build without analyzers.</param>
/// <param name="ScsSeconds">Build with Security Code Scan.</param>
/// <param name="PlainCpuSeconds">CPU seconds of the plain build.</param>
/// <param name="ScsCpuSeconds">CPU seconds of the build with Security Code Scan.</param>
/// <param name="Errors">Build failures (compile errors mean the analyzers saw partly bound code).</param>
internal sealed record BuildTiming(double PlainSeconds, double ScsSeconds, double? PlainCpuSeconds, double? ScsCpuSeconds, IReadOnlyList<string> Errors);
