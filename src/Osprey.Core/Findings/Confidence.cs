namespace Osprey.Core.Findings;

/// <summary>How sure the engine is that the finding is real before any proof is attempted.</summary>
public enum Confidence
{
    /// <summary>Heuristic match or a path through unmodelled code.</summary>
    Low = 0,
    /// <summary>A modelled flow with some assumed steps.</summary>
    Medium = 1,
    /// <summary>A fully modelled flow from source to sink.</summary>
    High = 2,
}
