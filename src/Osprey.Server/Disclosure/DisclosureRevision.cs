namespace Osprey.Server.Disclosure;

/// <summary>One entry of a case's VEX revision history; numbered from 1.</summary>
/// <param name="Number">Revision number, also the CSAF <c>tracking.version</c>.</param>
/// <param name="At">When the state was set.</param>
/// <param name="Actor">Who set it.</param>
/// <param name="Status">The VEX status from this revision on.</param>
/// <param name="Justification">Required exactly when <paramref name="Status"/> is <see cref="VexStatus.NotAffected"/>.</param>
/// <param name="Summary">Why the state changed, in a sentence.</param>
internal sealed record DisclosureRevision(int Number, DateTimeOffset At, string Actor, VexStatus Status, VexJustification? Justification, string Summary);
