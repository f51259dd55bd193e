namespace Osprey.CSharp.Loading;

/// <summary>
/// Picks the one target framework Osprey compiles a multi-targeted project for: the newest
/// .NET (5+ or Core), else the newest .NET Standard, else the newest .NET Framework.
/// </summary>
internal static class TargetFrameworkSelector
{
    /// <summary>The framework assumed for an SDK-style project that names none (the installed SDK's).</summary>
    public static TargetFrameworkMoniker SdkDefault { get; } = TargetFrameworkMoniker.TryParse("net10.0")!;

    /// <summary>The framework assumed for an old-style project that names none.</summary>
    public static TargetFrameworkMoniker FrameworkDefault { get; } = TargetFrameworkMoniker.TryParse("net48")!;

    /// <summary>Picks from <paramref name="candidates"/> (TFMs, possibly <c>;</c>-separated lists).</summary>
    public static TargetFrameworkMoniker Pick(IEnumerable<string> candidates, bool isSdkStyle)
    {
        var parsed = candidates
            .SelectMany(c => c.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(TargetFrameworkMoniker.TryParse)
            .OfType<TargetFrameworkMoniker>()
            .ToList();
        return parsed
            .OrderBy(t => t.Family switch { FrameworkFamily.NetCore => 0, FrameworkFamily.NetStandard => 1, _ => 2 })
            .ThenByDescending(t => t.Version)
            .FirstOrDefault()
            ?? (isSdkStyle ? SdkDefault : FrameworkDefault);
    }
}
