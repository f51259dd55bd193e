using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Osprey.Core.Scanning;
using Osprey.Server.Api;

namespace Osprey.Server.Scans;

/// <summary>
/// The threat models a scan job runs with: chosen at submission (the JSON field or the query
/// parameter <see cref="Field"/>), stored with the job as a comma-separated list in the order of
/// <see cref="ScanOptions.AllThreatModels"/> (duplicates collapsed), and handed to the scan's
/// <see cref="ScanOptions"/> by the worker. The names and the default are
/// <see cref="ScanOptions"/>'s; none is spelled here.
/// </summary>
internal static class ScanThreatModels
{
    /// <summary>The name of the JSON field and of the query parameter.</summary>
    public const string Field = "threatModels";

    /// <summary>Room for every name, comma-separated, with space for models to come.</summary>
    public const int MaxStoredLength = 64;

    /// <summary>The stored form of the models a scan uses when the submission names none.</summary>
    public static string Default { get; } = Format(ScanOptions.Default.ThreatModels);

    private static string Allowed => Quoted(ScanOptions.AllThreatModels);

    /// <summary>
    /// Reads the JSON field: absent or null is the default; otherwise a non-empty array of names.
    /// Returns the models in stored form, or a 400 problem naming the bad value and the allowed ones.
    /// </summary>
    public static (string? Models, IResult? Problem) FromJson(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind == JsonValueKind.Null) return (Default, null);
        if (element.ValueKind != JsonValueKind.Array)
            return Invalid($"'{Field}' must be an array of threat model names, not {Describe(element)}.");
        var names = new List<string>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return Invalid($"'{Field}[{index}]' must be a threat model name (a string), not {Describe(item)}.");
            names.Add(item.GetString()!);
            index++;
        }

        return FromNames(names);
    }

    /// <summary>
    /// Reads the query parameter, repeated or comma-separated (<c>?threatModels=remote,local</c>):
    /// absent is the default. Returns the models in stored form, or a 400 problem.
    /// </summary>
    public static (string? Models, IResult? Problem) FromQuery(StringValues values)
    {
        if (values.Count == 0) return (Default, null);
        if (values.All(string.IsNullOrEmpty)) return FromNames([]);
        return FromNames([.. values.SelectMany(v => (v ?? "").Split(','))]);
    }

    private static (string? Models, IResult? Problem) FromNames(IReadOnlyList<string> names)
    {
        if (names.Count == 0) return Invalid($"'{Field}' is empty: a scan needs at least one threat model.");
        foreach (var name in names)
        {
            if (!ScanOptions.IsThreatModel(name)) return Invalid($"Unknown threat model '{ApiProblem.Echo(name)}'.");
        }

        return (Format(names), null);
    }

    /// <summary>The stored form: each name once, in <see cref="ScanOptions.AllThreatModels"/> order (any name not listed there last).</summary>
    public static string Format(IEnumerable<string> models) =>
        string.Join(',', models.Distinct(StringComparer.Ordinal)
            .OrderBy(m => ScanOptions.AllThreatModels.IndexOf(m) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(m => m, StringComparer.Ordinal));

    /// <summary>The models of a stored job.</summary>
    public static ImmutableArray<string> Parse(string stored) => [.. stored.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static (string? Models, IResult? Problem) Invalid(string reason) =>
        (null, ApiProblem.Result(400, "invalid-threat-model", reason,
            $"Send '{Field}' as a non-empty list of {Allowed}; without it a scan uses {Quoted(ScanOptions.Default.ThreatModels)}.",
            $"The threat models are {Allowed}."));

    private static string Quoted(IEnumerable<string> models) => string.Join(", ", models.Select(m => $"'{m}'"));

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{ApiProblem.Echo(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {ApiProblem.Echo(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the value {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
