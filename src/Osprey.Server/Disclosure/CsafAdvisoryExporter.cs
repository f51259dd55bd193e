using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osprey.Server.Disclosure;

/// <summary>
/// Writes a case as a CSAF 2.0 document in the <c>csaf_security_advisory</c> profile: one
/// vulnerability, the affected (and fixed) product versions, VEX status as product status,
/// remediations, CWE, a CVSS 3.1 score when the reviewer set a 3.1 vector, and the case's
/// revision history as tracking history. Technical details appear only once released.
/// </summary>
internal static partial class CsafAdvisoryExporter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ExportJson(DisclosureCase c, CsafPublisher publisher, DateTimeOffset now) =>
        Export(c, publisher, now).ToJsonString(Indented);

    public static JsonObject Export(DisclosureCase c, CsafPublisher publisher, DateTimeOffset now)
    {
        var products = Products(c);
        var document = new JsonObject
        {
            ["category"] = "csaf_security_advisory",
            ["csaf_version"] = "2.0",
            ["distribution"] = new JsonObject
            {
                ["tlp"] = new JsonObject { ["label"] = c.Tlp.ToCsafLabel(), ["url"] = "https://www.first.org/tlp/" },
            },
            ["lang"] = "en",
            ["notes"] = new JsonArray
            {
                Note("summary", "Summary", c.Finding.Message),
                Note("general", "Provenance", DisclosureCase.AutomatedSystemLabel),
            },
            ["publisher"] = new JsonObject
            {
                ["category"] = "discoverer",
                ["contact_details"] = publisher.ContactDetails,
                ["name"] = publisher.Name,
                ["namespace"] = publisher.Namespace.ToString(),
            },
            ["title"] = $"{c.Finding.Title} in {c.Asset.Name}",
            ["tracking"] = Tracking(c, now),
        };
        return new JsonObject
        {
            ["document"] = document,
            ["product_tree"] = new JsonObject
            {
                ["full_product_names"] = new JsonArray(products.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["product_id"] = p.Id }).ToArray()),
            },
            ["vulnerabilities"] = new JsonArray { Vulnerability(c, products) },
        };
    }

    private static JsonObject Tracking(DisclosureCase c, DateTimeOffset now)
    {
        var history = new JsonArray(c.Revisions.Select(r => (JsonNode)new JsonObject
        {
            ["date"] = DisclosureText.Timestamp(r.At),
            ["number"] = r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["summary"] = $"{r.Status.ToVexName()}{(r.Justification is { } j ? " (" + j.ToVexName() + ")" : "")}: {r.Summary}",
        }).ToArray());
        return new JsonObject
        {
            ["current_release_date"] = DisclosureText.Timestamp(c.Revisions[^1].At),
            ["generator"] = new JsonObject
            {
                ["date"] = DisclosureText.Timestamp(now),
                ["engine"] = new JsonObject { ["name"] = "Osprey", ["version"] = typeof(CsafAdvisoryExporter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" },
            },
            ["id"] = c.Id,
            ["initial_release_date"] = DisclosureText.Timestamp(c.Revisions[0].At),
            ["revision_history"] = history,
            ["status"] = c.Has(DisclosureEventKind.Published) ? "final" : "interim",
            ["version"] = c.Revisions.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static JsonObject Note(string category, string title, string text) =>
        new() { ["category"] = category, ["text"] = text, ["title"] = title };
}
