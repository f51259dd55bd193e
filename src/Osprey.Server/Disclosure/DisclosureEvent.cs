namespace Osprey.Server.Disclosure;

/// <summary>One dated fact in a case's life.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened (not when it was recorded).</param>
/// <param name="Actor">Who recorded it: a reviewer, the maintainer, or <c>scheduler</c>.</param>
/// <param name="Note">Free text shown on the timeline.</param>
/// <param name="Key">Distinguishes events of the same kind, e.g. which reminder.</param>
internal sealed record DisclosureEvent(DisclosureEventKind Kind, DateTimeOffset At, string Actor, string Note = "", string? Key = null);
