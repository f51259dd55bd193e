using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Osprey.Bench.FlowBlot;

/// <summary>Reads FlowBlot.NET's ground truth: one <c>truth.sarif</c> per project.</summary>
internal static partial class FlowBlotTruth
{
    [GeneratedRegex(@"_CWE(?<id>\d+)$")]
    private static partial Regex ProjectCwe();

    /// <summary>The CWE in a project folder name such as <c>File2SqlInjection_CWE89</c>; null when it has none.</summary>
    public static int? CweOfProject(string project) =>
        ProjectCwe().Match(project) is { Success: true } m ? int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Printed under the all-projects concept table. FlowBlot's ShorthandCommand sink ignores its
    /// argument and starts <c>ls</c> by bare name; its truth marks a file fail when the source
    /// reaches the sink and pass otherwise, though both start the same bare name.
    /// </summary>
    public const string ShorthandCommandNote =
        "CWE-426 (ShorthandCommand) projects are left out of the first table: their `Sink(input)` ignores `input` and starts `ls` by bare name, yet the truth marks a file fail only when the source reaches `Sink`, so a bare-name finding scores as a detection in one file and a false alarm in its twin.";

    /// <summary>Whether the sink of a project of <paramref name="cwe"/> uses the value that reaches it (every FlowBlot sink but CWE-426's).</summary>
    public static bool SinkUsesInput(int cwe) => cwe != 426;

    /// <summary>The concept of a flow file: the folder right under <c>Flows/</c>, or <c>other</c>.</summary>
    public static string ConceptOf(string relativePath)
    {
        var parts = relativePath.Split('/');
        var flows = Array.IndexOf(parts, "Flows");
        return flows >= 0 && flows + 2 < parts.Length ? parts[flows + 1] : "other";
    }

    /// <summary>Parses one project's truth SARIF.</summary>
    /// <exception cref="InvalidDataException">The file is not the SARIF shape the truth uses.</exception>
    public static ImmutableArray<FlowBlotCase> Parse(string project, string sarifJson)
    {
        var cwe = CweOfProject(project) ?? throw new InvalidDataException($"Project '{project}' has no _CWE<n> suffix.");
        using var document = JsonDocument.Parse(sarifJson);
        var cases = ImmutableArray.CreateBuilder<FlowBlotCase>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var kind = result.GetProperty("kind").GetString();
                if (kind is not ("fail" or "pass"))
                {
                    throw new InvalidDataException($"{project}: result kind '{kind}' is neither fail nor pass.");
                }

                foreach (var location in result.GetProperty("locations").EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    var uri = Uri.UnescapeDataString(physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? "").Replace('\\', '/');
                    var region = physical.TryGetProperty("region", out var r) ? r : default;
                    var start = region.ValueKind == JsonValueKind.Object && region.TryGetProperty("startLine", out var s) ? s.GetInt32() : 1;
                    var end = region.ValueKind == JsonValueKind.Object && region.TryGetProperty("endLine", out var e) ? e.GetInt32() : int.MaxValue;
                    cases.Add(new FlowBlotCase(project, cwe, ConceptOf(uri), uri, kind == "fail", start, end));
                }
            }
        }

        return cases.ToImmutable();
    }
}
