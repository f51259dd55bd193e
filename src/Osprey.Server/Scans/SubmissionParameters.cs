using Microsoft.AspNetCore.Http;
using Osprey.Server.Api;

namespace Osprey.Server.Scans;

/// <summary>
/// The query parameters <c>POST /api/v1/scans</c> reads. Any other is refused rather than
/// ignored: a misspelt <c>threatModels</c> would otherwise scan silently with the default.
/// </summary>
internal static class SubmissionParameters
{
    /// <summary>What an archive upload reads from the query.</summary>
    public static readonly string[] Archive = ["assetId", "label", ScanThreatModels.Field];

    /// <summary>Returns a 400 problem for the first parameter not in <paramref name="allowed"/>, or null.</summary>
    public static IResult? Unknown(IQueryCollection query, IReadOnlyCollection<string> allowed, string hint)
    {
        var unknown = query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.OrdinalIgnoreCase));
        if (unknown is null) return null;
        return ApiProblem.Result(400, "unknown-parameter", $"This submission does not take the query parameter '{ApiProblem.Echo(unknown)}'.", hint);
    }
}
