namespace Osprey.Server.Disclosure;

/// <summary>Where cases live; the server maps this to its database.</summary>
internal interface IDisclosureCaseStore
{
    /// <summary>Cases that may still need an action: not yet both published and with details released, and not closed as not_affected.</summary>
    Task<IReadOnlyList<DisclosureCase>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>One case by id, or null.</summary>
    Task<DisclosureCase?> FindAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a case.</summary>
    Task SaveAsync(DisclosureCase @case, CancellationToken cancellationToken);
}

/// <summary>A store in memory, for tests and for a server run without a database.</summary>
internal sealed class InMemoryDisclosureCaseStore : IDisclosureCaseStore
{
    private readonly Dictionary<string, DisclosureCase> _cases = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<IReadOnlyList<DisclosureCase>> ListActiveAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DisclosureCase> active = _cases.Values
                .Where(c => c.Status != VexStatus.NotAffected && !c.Has(DisclosureEventKind.DetailsReleased))
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(active);
        }
    }

    public Task<DisclosureCase?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        lock (_gate) return Task.FromResult(_cases.GetValueOrDefault(caseId));
    }

    public Task SaveAsync(DisclosureCase @case, CancellationToken cancellationToken)
    {
        lock (_gate) _cases[@case.Id] = @case;
        return Task.CompletedTask;
    }
}
