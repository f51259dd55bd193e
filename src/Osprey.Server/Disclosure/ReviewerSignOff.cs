namespace Osprey.Server.Disclosure;

/// <summary>A human reviewer's approval of a case; nothing is sent to a maintainer without one.</summary>
/// <param name="Reviewer">Who reviewed (the operator's user or key id).</param>
/// <param name="At">When.</param>
/// <param name="Note">What was checked.</param>
internal sealed record ReviewerSignOff(string Reviewer, DateTimeOffset At, string Note);
