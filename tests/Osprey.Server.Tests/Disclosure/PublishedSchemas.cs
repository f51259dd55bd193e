using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Osprey.Server.Tests.Disclosure;

/// <summary>
/// The CSAF 2.0 and OSV schemas as published (see Schemas/README.md), loaded from the source tree so
/// that no download happens and no project file has to copy them.
/// </summary>
internal static class PublishedSchemas
{
    private static readonly Lazy<JsonSchema> CsafSchema = new(LoadCsaf);
    private static readonly Lazy<JsonSchema> OsvSchema = new(() => JsonSchema.FromText(Read("osv_schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    public static JsonSchema Csaf => CsafSchema.Value;

    public static JsonSchema Osv => OsvSchema.Value;

    /// <summary>Every error of <paramref name="schema"/> on <paramref name="document"/>, with its location; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode document)
    {
        using var doc = JsonDocument.Parse(document.ToJsonString());
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid) return [];
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static JsonSchema LoadCsaf()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        foreach (var name in new[] { "cvss-v2.0", "cvss-v3.0", "cvss-v3.1" })
        {
            // JsonSchema.Net evaluates neither draft-04 nor the files' non-keywords ("license", draft-04 "id");
            // the keywords they use (type, enum, pattern, required, $ref to #/definitions) mean the same in 2020-12.
            var node = JsonNode.Parse(Read(name + ".json"))!.AsObject();
            node.Remove("license");
            node.Remove("id");
            node.Remove("$id");
            node["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            var text = node.ToJsonString();
            var uri = new Uri($"https://www.first.org/cvss/{name}.json");
            registry.Register(uri, JsonSchema.FromText(text, options, uri));
        }

        return JsonSchema.FromText(Read("csaf_json_schema.json"), options);
    }

    private static string Read(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Osprey.Server.Tests", "Disclosure", "Schemas", file);
            if (File.Exists(candidate)) return File.ReadAllText(candidate);
        }

        throw new FileNotFoundException($"Schema {file} not found above {AppContext.BaseDirectory}.");
    }
}
