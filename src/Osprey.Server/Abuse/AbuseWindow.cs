using System.Collections.Immutable;

namespace Osprey.Server.Abuse;

/// <summary>What the signals see: the recent window, the history before it, and the registered assets.</summary>
internal sealed record AbuseWindow
{
    /// <summary>End of the recent window.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Events in [Now − Window, Now).</summary>
    public required ImmutableArray<UsageEvent> Recent { get; init; }

    /// <summary>Events in [Now − Window − History, Now − Window): the baseline.</summary>
    public required ImmutableArray<UsageEvent> History { get; init; }

    /// <summary>Registered assets by organisation.</summary>
    public required ImmutableDictionary<string, ImmutableArray<RegisteredAsset>> Assets { get; init; }

    public required AbuseDetectionOptions Options { get; init; }

    public DateTimeOffset WindowStart => Now - Options.Window;

    public DateTimeOffset HistoryStart => Now - Options.Window - Options.History;

    public static AbuseWindow From(DateTimeOffset now, IEnumerable<UsageEvent> events, IEnumerable<RegisteredAsset> assets, AbuseDetectionOptions options)
    {
        var all = events.ToList();
        var windowStart = now - options.Window;
        var historyStart = windowStart - options.History;
        return new AbuseWindow
        {
            Now = now,
            Recent = [.. all.Where(e => e.At >= windowStart && e.At < now).OrderBy(e => e.At)],
            History = [.. all.Where(e => e.At >= historyStart && e.At < windowStart).OrderBy(e => e.At)],
            Assets = assets.GroupBy(a => a.OrgId, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal),
            Options = options,
        };
    }
}

/// <summary>A signal: looks at a window, returns what fired.</summary>
internal interface IAbuseSignal
{
    string Name { get; }

    IEnumerable<AbuseSignalResult> Evaluate(AbuseWindow window);
}
