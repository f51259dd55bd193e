namespace Osprey.Server.Disclosure;

/// <summary>
/// Carries out an action: sends the report bundle or a reminder to the maintainer, hands the case to
/// the coordinator, publishes. The server implements it (mail, advisory feed) and audits each call.
/// Throwing leaves the case unchanged, so the action is due again on the next run.
/// </summary>
internal interface IDisclosureNotifier
{
    Task NotifyAsync(DisclosureAction action, DisclosureCase @case, CancellationToken cancellationToken);
}
