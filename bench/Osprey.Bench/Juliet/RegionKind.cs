namespace Osprey.Bench.Juliet;

/// <summary>Whether code belongs to a case's flawed part or to its fixed part.</summary>
internal enum RegionKind
{
    /// <summary>Code the case marks as flawed: findings here are true positives.</summary>
    Bad = 0,
    /// <summary>Code the case marks as fixed: findings here are false alarms.</summary>
    Good = 1,
}

/// <summary>A run of 1-based lines, inclusive, of one kind.</summary>
internal sealed record LineRegion(RegionKind Kind, int StartLine, int EndLine)
{
    /// <summary>Whether <paramref name="line"/> lies in the region.</summary>
    public bool Contains(int line) => line >= StartLine && line <= EndLine;

    /// <summary>How many lines the region spans.</summary>
    public int Length => EndLine - StartLine + 1;
}
