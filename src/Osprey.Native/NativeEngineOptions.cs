namespace Osprey.Native;

/// <summary>Settings of the native (C/C++) engine. The fuzzing budget itself is <c>ScanOptions.FuzzTime</c>.</summary>
public sealed record NativeEngineOptions
{
    /// <summary>The PATH searched for clang and the other tools; the process's PATH when null.</summary>
    /// <value>Null.</value>
    public string? SearchPath { get; init; }

    /// <summary>
    /// Where builds, corpora and crash inputs go. Kept after the scan so that the replay commands in
    /// the proofs keep working. A fresh folder under the system's temporary folder when null.
    /// </summary>
    /// <value>Null.</value>
    public string? WorkDirectory { get; init; }

    /// <summary>
    /// Parallel libFuzzer workers per campaign. With one, libFuzzer runs in-process and the
    /// campaign ends at its first crash; with more, fork mode keeps going past crashes.
    /// </summary>
    /// <value>Half the processor count, at least 1.</value>
    public int JobsPerCampaign { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Memory limit of each fuzzing process, in MB.</summary>
    /// <value>2048.</value>
    public int RssLimitMb { get; init; } = 2048;

    /// <summary>How many fresh runs a crash must survive to be confirmed.</summary>
    /// <value>3.</value>
    public int ReproduceAttempts { get; init; } = 3;

    /// <summary>Wall-clock limit of one reproduction run.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ReproduceTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time libFuzzer gets to minimise each new crashing input.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan MinimizeTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many harnesses are built and fuzzed, highest priority first.</summary>
    /// <value>16.</value>
    public int MaxHarnesses { get; init; } = 16;

    /// <summary>The least fuzzing time a harness gets; fewer harnesses run when the budget is short.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan MinimumCampaignTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether to run the clang static analyzer and report its candidates.</summary>
    /// <value>True.</value>
    public bool RunStaticAnalyzer { get; init; } = true;

    /// <summary>Whether campaigns get the dictionary extracted from the code's literals (off to compare with plain libFuzzer).</summary>
    /// <value>True.</value>
    public bool UseDictionary { get; init; } = true;

    /// <summary>Whether campaigns are seeded with the repository's test files (off to compare with plain libFuzzer).</summary>
    /// <value>True.</value>
    public bool UseSeeds { get; init; } = true;

    /// <summary>Returns every problem with these options, or an empty list.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (JobsPerCampaign < 1)
        {
            problems.Add($"JobsPerCampaign must be at least 1 (was {JobsPerCampaign}).");
        }

        if (RssLimitMb < 64)
        {
            problems.Add($"RssLimitMb must be at least 64 (was {RssLimitMb}).");
        }

        if (ReproduceAttempts < 1)
        {
            problems.Add($"ReproduceAttempts must be at least 1 (was {ReproduceAttempts}).");
        }

        if (MaxHarnesses < 1)
        {
            problems.Add($"MaxHarnesses must be at least 1 (was {MaxHarnesses}).");
        }

        if (ReproduceTimeout <= TimeSpan.Zero || MinimumCampaignTime <= TimeSpan.Zero || MinimizeTime <= TimeSpan.Zero)
        {
            problems.Add("ReproduceTimeout, MinimizeTime and MinimumCampaignTime must be positive.");
        }

        return problems;
    }
}
