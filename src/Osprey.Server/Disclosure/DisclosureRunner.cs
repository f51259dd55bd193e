using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Osprey.Server.Disclosure;

/// <summary>The outcome of one action in one run.</summary>
/// <param name="Action">The action.</param>
/// <param name="Succeeded">Whether the notifier accepted it (and its event was recorded).</param>
/// <param name="Error">The notifier's error message when it failed.</param>
internal sealed record DisclosureRunResult(DisclosureAction Action, bool Succeeded, string? Error);

/// <summary>
/// One pass of the disclosure loop: load active cases, ask the scheduler what is due, carry each
/// action out through the notifier, record its event and save. A failing action does not stop the others.
/// </summary>
internal sealed partial class DisclosureRunner(IDisclosureCaseStore store, IDisclosureNotifier notifier, DisclosurePolicy policy, TimeProvider time, ILogger<DisclosureRunner>? logger = null)
{
    private readonly DisclosurePolicy _policy = policy.Validate();
    private readonly ILogger _logger = logger ?? NullLogger<DisclosureRunner>.Instance;

    public async Task<IReadOnlyList<DisclosureRunResult>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cases = (await store.ListActiveAsync(cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var results = new List<DisclosureRunResult>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in DisclosureScheduler.DueActions(now, cases.Values, _policy))
        {
            // Keep a case's actions in order: no details release after a failed publication.
            if (failed.Contains(action.CaseId)) continue;
            var current = cases[action.CaseId];
            try
            {
                await notifier.NotifyAsync(action, current, cancellationToken);
                var updated = current.Record(action.ToEvent(now));
                await store.SaveAsync(updated, cancellationToken);
                cases[action.CaseId] = updated;
                results.Add(new(action, true, null));
                LogActionDone(_logger, action.Kind, action.CaseId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed.Add(action.CaseId);
                results.Add(new(action, false, ex.Message));
                LogActionFailed(_logger, action.Kind, action.CaseId, ex.Message);
            }
        }

        return results;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Disclosure action {Kind} done for case {CaseId}")]
    private static partial void LogActionDone(ILogger logger, DisclosureActionKind kind, string caseId);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Disclosure action {Kind} failed for case {CaseId}: {Error}; retried on the next run")]
    private static partial void LogActionFailed(ILogger logger, DisclosureActionKind kind, string caseId, string error);
}
