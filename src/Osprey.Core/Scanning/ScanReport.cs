using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.Core.Scanning;

/// <summary>How an engine or stage run ended.</summary>
public enum EngineOutcome
{
    /// <summary>Ran to completion.</summary>
    Succeeded = 0,
    /// <summary>Threw; its findings up to the failure are kept.</summary>
    Failed = 1,
    /// <summary>Had nothing to do for this target.</summary>
    Skipped = 2,
    /// <summary>Stopped by cancellation.</summary>
    Cancelled = 3,
}

/// <summary>One engine's part in a scan.</summary>
public sealed record EngineRun
{
    /// <summary>The engine's name.</summary>
    public required string Name { get; init; }

    /// <summary>How it ended.</summary>
    public required EngineOutcome Outcome { get; init; }

    /// <summary>Wall-clock time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Findings it reported.</summary>
    public int Findings { get; init; }

    /// <summary>The error, when it failed.</summary>
    public string? Error { get; init; }
}

/// <summary>Facts about the tool, for report headers.</summary>
public sealed record ToolInfo
{
    /// <summary>The default: Osprey with this assembly's version.</summary>
    public static ToolInfo Osprey { get; } = new()
    {
        Name = "Osprey",
        Version = typeof(ToolInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        InformationUri = "https://github.com/osprey-security/osprey",
    };

    /// <summary>Tool name.</summary>
    public required string Name { get; init; }

    /// <summary>Semantic version.</summary>
    public required string Version { get; init; }

    /// <summary>Where to learn more.</summary>
    public string? InformationUri { get; init; }
}

/// <summary>The result of a scan: everything every renderer needs, and nothing renderer-specific.</summary>
public sealed record ScanReport
{
    /// <summary>The tool that produced it.</summary>
    public ToolInfo Tool { get; init; } = ToolInfo.Osprey;

    /// <summary>What was scanned.</summary>
    public required ScanTarget Target { get; init; }

    /// <summary>When the scan started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>How long it took.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Findings after triage, most severe first.</summary>
    public ImmutableArray<Finding> Findings { get; init; } = [];

    /// <summary>Rules of every engine that ran, so reports can describe each finding's rule.</summary>
    public ImmutableArray<Rule> Rules { get; init; } = [];

    /// <summary>Diagnostics about the scan itself.</summary>
    public ImmutableArray<ScanDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Per-engine outcomes.</summary>
    public ImmutableArray<EngineRun> Engines { get; init; } = [];

    /// <summary>Entry points recon found.</summary>
    public ImmutableArray<EntryPoint> EntryPoints { get; init; } = [];

    /// <summary>Files scanned.</summary>
    public int FileCount { get; init; }

    /// <summary>Named counters from engines (<c>csharp.unresolved-symbols</c>, …).</summary>
    public ImmutableSortedDictionary<string, long> Statistics { get; init; } = ImmutableSortedDictionary<string, long>.Empty;

    /// <summary>Findings left out because a baseline already had them.</summary>
    public int SuppressedByBaseline { get; init; }

    /// <summary>Whether any engine failed.</summary>
    public bool HasEngineFailures => Engines.Any(e => e.Outcome == EngineOutcome.Failed);

    /// <summary>Finds the rule of a finding, if known.</summary>
    public Rule? RuleFor(Finding finding) => Rules.FirstOrDefault(r => r.Id == finding.RuleId);
}
