namespace Osprey.CSharp.Proof.Oracles;

/// <summary>One attacker input of a sink kind's payload library.</summary>
/// <param name="Value">The text the input provider returns to the program.</param>
/// <param name="Intent">What the payload tries to do, for the proof's explanation.</param>
public sealed record Payload(string Value, string Intent);
