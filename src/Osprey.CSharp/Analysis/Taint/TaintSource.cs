using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Where attacker data entered: the threat model, the kind of input, a description and the place.</summary>
internal sealed record TaintSource(string ThreatModel, string Label, string Description, Location Location)
{
    /// <summary>
    /// For a source that is a value rather than input (a type's limit stored in a variable): the
    /// value, so arithmetic on it can be checked exactly; null for input.
    /// </summary>
    public System.Numerics.BigInteger? KnownValue { get; init; }

    /// <summary>
    /// For a source that is a value rather than input (a stored constant, a random draw): the
    /// inclusive range it lies in, so a narrowing cast can be checked exactly; null for input.
    /// </summary>
    public (double Low, double High)? KnownRange { get; init; }

    /// <summary>
    /// Two sources are the same when they are the same kind of input at the same place with the same
    /// known range: one random draw is two sources when one analysis knows its range (for the
    /// overflow and index sinks) and another only that it can be zero (for division), and merging
    /// them would lose the range and the sinks each is kept from.
    /// </summary>
    public bool SameAs(TaintSource other) =>
        ReferenceEquals(this, other) || (Label == other.Label && ThreatModel == other.ThreatModel && Location == other.Location && KnownRange == other.KnownRange);
}
