namespace Osprey.Bench.Load;

/// <summary>What one load run measured for one kind of request.</summary>
internal sealed record LoadOperationResult(string Operation, long Requests, long Errors, double PerSecond, double P50Ms, double P99Ms, double MaxMs);

/// <summary>One load run against one database.</summary>
internal sealed record LoadResult(
    string Database,
    int Clients,
    double Seconds,
    IReadOnlyList<LoadOperationResult> Operations,
    long AcceptedSubmissions,
    long StoredSubmissions,
    long LostWrites,
    IReadOnlyDictionary<int, long> StatusCodes);
