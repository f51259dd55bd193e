namespace Osprey.Server.Abuse;

/// <summary>Windows and thresholds of the abuse signals. Each default is stated and pinned by a test.</summary>
internal sealed record AbuseDetectionOptions
{
    /// <summary>The recent window every signal looks at.</summary>
    /// <value>24 hours.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How much history before the window forms the baseline.</summary>
    /// <value>28 days.</value>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(28);

    /// <summary>Bin width of the volume series.</summary>
    /// <value>1 hour.</value>
    public TimeSpan VolumeBin { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Robust z-score (median/MAD) at which volume fires.</summary>
    /// <value>8.</value>
    public double VolumeZThreshold { get; init; } = 8;

    /// <summary>Fewer requests than this in a bin never fire the volume signal.</summary>
    /// <value>60.</value>
    public int VolumeMinRequestsPerBin { get; init; } = 60;

    /// <summary>Path containment above which an archive counts as a registered asset.</summary>
    /// <value>0.5.</value>
    public double ScopePathContainment { get; init; } = 0.5;

    /// <summary>Out-of-scope submissions in the window at which scope fires.</summary>
    /// <value>2.</value>
    public int ScopeMinOutOfScope { get; init; } = 2;

    /// <summary>A submission with at most this many files counts as small for the templated-input signal.</summary>
    /// <value>5.</value>
    public int TemplatedMaxFiles { get; init; } = 5;

    /// <summary>Estimated Jaccard similarity above which two small submissions are near-duplicates.</summary>
    /// <value>0.4.</value>
    public double TemplatedSimilarity { get; init; } = 0.4;

    /// <summary>Distinct near-duplicate submissions in one cluster at which templated input fires.</summary>
    /// <value>15.</value>
    public int TemplatedMinCluster { get; init; } = 15;

    /// <summary>Proof, trace and explanation reads plus exports per scan at which harvesting fires.</summary>
    /// <value>30.</value>
    public double HarvestReadsPerScan { get; init; } = 30;

    /// <summary>Fewer such reads than this never fire harvesting.</summary>
    /// <value>200.</value>
    public int HarvestMinReads { get; init; } = 200;

    /// <summary>Exports in the window that count as bulk export on their own.</summary>
    /// <value>50.</value>
    public int HarvestBulkExports { get; init; } = 50;

    /// <summary>Distinct keys that share a network range or client fingerprint across organisations, or move in step, at which coordination fires.</summary>
    /// <value>3.</value>
    public int CoordinationMinKeys { get; init; } = 3;

    /// <summary>Pearson correlation of per-minute activity above which two keys move in step.</summary>
    /// <value>0.6.</value>
    public double CoordinationCorrelation { get; init; } = 0.6;

    /// <summary>Keys with fewer active minutes in the window are left out of the timing correlation.</summary>
    /// <value>10.</value>
    public int CoordinationMinActiveMinutes { get; init; } = 10;

    /// <summary>Fewest recent submissions of a key for the distribution test.</summary>
    /// <value>5.</value>
    public int ShiftMinSamples { get; init; } = 5;

    /// <summary>Fewest benign history submissions of the organisation for the distribution test.</summary>
    /// <value>30.</value>
    public int ShiftMinHistory { get; init; } = 30;

    /// <summary>False-alarm rate of the permutation threshold.</summary>
    /// <value>0.01.</value>
    public double ShiftAlpha { get; init; } = 0.01;

    /// <summary>Permutations drawn from benign history to set the threshold.</summary>
    /// <value>200.</value>
    public int ShiftPermutations { get; init; } = 200;

    /// <summary>Throws one error naming every invalid setting.</summary>
    public AbuseDetectionOptions Validate()
    {
        var problems = new List<string>();
        if (Window <= TimeSpan.Zero) problems.Add("Window must be positive");
        if (History < Window) problems.Add("History must be at least one Window");
        if (VolumeBin <= TimeSpan.Zero || VolumeBin > Window) problems.Add("VolumeBin must be positive and at most Window");
        if (TemplatedSimilarity is <= 0 or > 1) problems.Add("TemplatedSimilarity must be in (0, 1]");
        if (ShiftAlpha is <= 0 or >= 1) problems.Add("ShiftAlpha must be in (0, 1)");
        if (ShiftPermutations < 20) problems.Add("ShiftPermutations must be at least 20");
        if (CoordinationMinKeys < 2) problems.Add("CoordinationMinKeys must be at least 2");
        if (problems.Count > 0) throw new ArgumentException("Invalid abuse detection options: " + string.Join("; ", problems) + ".");
        return this;
    }
}
