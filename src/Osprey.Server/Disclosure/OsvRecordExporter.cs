using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Writes a case as an OSV record (schema 1.7). Osprey is not a registered OSV home database, so ids
/// use the schema's private <c>x_</c> prefix. The affected package needs an OSV ecosystem; an asset
/// without one is described by its repository reference only.
/// </summary>
internal static class OsvRecordExporter
{
    /// <summary>The OSV schema version the records follow.</summary>
    public const string SchemaVersion = "1.7.5";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ExportJson(DisclosureCase c, DateTimeOffset now) => Export(c, now).ToJsonString(Indented);

    public static JsonObject Export(DisclosureCase c, DateTimeOffset now)
    {
        var details = c.Finding.Message + "\n\n" + DisclosureCase.AutomatedSystemLabel;
        if (c.Has(DisclosureEventKind.DetailsReleased)) details += "\n\n" + DisclosureText.TechnicalDetails(c);
        var record = new JsonObject
        {
            ["schema_version"] = SchemaVersion,
            ["id"] = "x_" + c.Id,
            ["modified"] = DisclosureText.Timestamp(now),
        };
        if (c.First(DisclosureEventKind.Published) is { } published) record["published"] = DisclosureText.Timestamp(published.At);
        record["summary"] = $"{c.Finding.Title} in {c.Asset.Name}";
        record["details"] = details;

        var severity = new JsonArray();
        if (c.Finding.CvssVector is { } v4 && v4.StartsWith("CVSS:4.0/", StringComparison.Ordinal)) severity.Add(Severity("CVSS_V4", v4));
        if (c.Cvss3Vector is { } v3 && v3.StartsWith("CVSS:3.", StringComparison.Ordinal)) severity.Add(Severity("CVSS_V3", v3));
        if (severity.Count > 0) record["severity"] = severity;

        if (c.Asset.Ecosystem is { } ecosystem)
        {
            var events = new JsonArray { new JsonObject { ["introduced"] = "0" } };
            if (c.Asset.FixedVersion is { } fixedVersion) events.Add(new JsonObject { ["fixed"] = fixedVersion });
            var package = new JsonObject { ["ecosystem"] = ecosystem, ["name"] = c.Asset.Name };
            if (c.Asset.Purl is { } purl) package["purl"] = purl;
            var affected = new JsonObject
            {
                ["package"] = package,
                ["ranges"] = new JsonArray { new JsonObject { ["type"] = "ECOSYSTEM", ["events"] = events } },
            };
            if (!c.Asset.AffectedVersions.IsDefaultOrEmpty) affected["versions"] = new JsonArray(c.Asset.AffectedVersions.Select(x => (JsonNode)JsonValue.Create(x)).ToArray());
            record["affected"] = new JsonArray { affected };
        }

        if (c.Asset.RepositoryUrl is { } repo) record["references"] = new JsonArray { new JsonObject { ["type"] = "PACKAGE", ["url"] = repo } };
        record["credits"] = new JsonArray { new JsonObject { ["name"] = "Osprey (automated system)", ["type"] = "TOOL" } };
        record["database_specific"] = new JsonObject
        {
            ["cwe_ids"] = new JsonArray(c.Finding.Cwes.Select(x => (JsonNode)JsonValue.Create($"CWE-{x}")).ToArray()),
            ["vex_status"] = c.Status.ToVexName(),
            ["finding_fingerprint"] = c.Finding.Fingerprint,
        };
        return record;
    }

    private static JsonObject Severity(string type, string score) => new() { ["type"] = type, ["score"] = score };
}
