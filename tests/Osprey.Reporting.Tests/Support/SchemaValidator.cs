using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Osprey.Reporting.Tests.Support;

/// <summary>
/// Validates documents against the official SARIF 2.1.0 schema and Osprey's JSON report schema,
/// with format validation on (URIs, date-times).
/// </summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> SarifSchema = new(() => Build(LoadSarifSchemaAsDraft07()));
    private static readonly Lazy<JsonSchema> OspreySchema = new(() => Build(LoadResource("osprey-report-1.json")));

    public static IReadOnlyList<string> ValidateSarif(string json) => Validate(SarifSchema.Value, json);

    public static IReadOnlyList<string> ValidateOsprey(string json) => Validate(OspreySchema.Value, json);

    private static IReadOnlyList<string> Validate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid, without details")
            .ToList();
    }

    private static JsonSchema Build(string text) =>
        JsonSchema.FromText(text);

    // The OASIS schema is draft-04, which JsonSchema.Net does not implement. The keywords it uses
    // mean the same in draft-07 except the root 'id', which draft-07 spells '$id'; the id is dropped
    // since nothing refers to the schema by it.
    private static string LoadSarifSchemaAsDraft07()
    {
        var node = JsonNode.Parse(LoadResource("sarif-schema-2.1.0.json"))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        node.Remove("id");
        return node.ToJsonString();
    }

    private static string LoadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
