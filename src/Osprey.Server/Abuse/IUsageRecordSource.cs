namespace Osprey.Server.Abuse;

/// <summary>Reads the usage log; the server maps it to its usage-records table.</summary>
internal interface IUsageRecordSource
{
    /// <summary>Events with <paramref name="from"/> ≤ time &lt; <paramref name="to"/>, in time order.</summary>
    Task<IReadOnlyList<UsageEvent>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>A usage log in memory, for tests and simulations.</summary>
internal sealed class InMemoryUsageRecordSource(IEnumerable<UsageEvent> events) : IUsageRecordSource
{
    private readonly UsageEvent[] _events = events.OrderBy(e => e.At).ToArray();

    public Task<IReadOnlyList<UsageEvent>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        IReadOnlyList<UsageEvent> list = _events.Where(e => e.At >= from && e.At < to).ToList();
        return Task.FromResult(list);
    }
}
