namespace Osprey.Server.Disclosure;

/// <summary>A request that the case's rules refuse (API misuse by the caller), with a message naming the rule.</summary>
internal sealed class DisclosureException : InvalidOperationException
{
    private DisclosureException(string message) : base(message) { }

    public static DisclosureException InvalidTransition(string caseId, VexStatus from, VexStatus to) =>
        new($"Case {caseId}: cannot go from {from.ToVexName()} to {to.ToVexName()}.");

    public static DisclosureException JustificationRequired(string caseId) =>
        new($"Case {caseId}: not_affected needs a justification (component_not_present, vulnerable_code_not_present, …).");

    public static DisclosureException JustificationNotAllowed(string caseId, VexStatus to) =>
        new($"Case {caseId}: a justification is only given with not_affected, not with {to.ToVexName()}.");

    public static DisclosureException NotSignedOff(string caseId) =>
        new($"Case {caseId}: a reviewer must sign the case off before anything is sent to the maintainer.");

    public static DisclosureException ExtensionRefused(string caseId, string reason) =>
        new($"Case {caseId}: extension refused: {reason}.");

    public static DisclosureException EmptyField(string caseId, string field) =>
        new($"Case {caseId}: {field} must not be empty.");
}
