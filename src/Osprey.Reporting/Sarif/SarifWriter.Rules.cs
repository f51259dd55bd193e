using Osprey.Core.Findings;
using Osprey.Core.Rules;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Sarif;

internal sealed partial class SarifWriter
{
    private void WriteRules()
    {
        var precision = HighestConfidenceByRule();
        _writer.WriteStartArray("rules");
        foreach (var rule in _rules.Rules)
        {
            WriteRule(rule, precision.TryGetValue(rule.Id, out var confidence) ? confidence : Confidence.Medium);
        }

        _writer.WriteEndArray();
    }

    private void WriteRule(Rule rule, Confidence precision)
    {
        _writer.WriteStartObject();
        _writer.WriteString("id", rule.Id);
        _writer.WriteString("name", rule.Name);
        WriteMessage("shortDescription", rule.ShortDescription);
        WriteMessage("fullDescription", rule.FullDescription);
        _writer.WriteStartObject("help");
        _writer.WriteString("text", rule.Help);
        _writer.WriteString("markdown", rule.Help);
        _writer.WriteEndObject();
        if (!rule.Cwes.IsDefaultOrEmpty)
        {
            _writer.WriteString("helpUri", CweLinks.Url(rule.Cwes[0]));
        }

        _writer.WriteStartObject("defaultConfiguration");
        _writer.WriteString("level", SarifLevels.Of(rule.DefaultSeverity));
        _writer.WriteEndObject();

        _writer.WriteStartObject("properties");
        _writer.WriteStartArray("tags");
        // SARIF requires property-bag tags to be unique.
        foreach (var tag in rule.AllTags.Distinct(StringComparer.Ordinal))
        {
            _writer.WriteStringValue(tag);
        }

        _writer.WriteEndArray();
        _writer.WriteString("precision", SarifLevels.Precision(precision));
        _writer.WriteString("security-severity", SarifLevels.SecuritySeverity(rule.DefaultSeverity));
        _writer.WriteString("problem.severity", SarifLevels.Of(rule.DefaultSeverity) == "note" ? "recommendation" : SarifLevels.Of(rule.DefaultSeverity));
        if (rule.CvssVector is not null)
        {
            _writer.WriteString("cvssVector", rule.CvssVector);
        }

        _writer.WriteEndObject();
        _writer.WriteEndObject();
    }

    // A rule's precision is how sure its engine was of its findings in this scan; a rule without
    // findings gets "medium".
    private Dictionary<string, Confidence> HighestConfidenceByRule()
    {
        var result = new Dictionary<string, Confidence>(StringComparer.Ordinal);
        foreach (var finding in _report.Findings)
        {
            if (!result.TryGetValue(finding.RuleId, out var known) || finding.Confidence > known)
            {
                result[finding.RuleId] = finding.Confidence;
            }
        }

        return result;
    }

    private void WriteMessage(string name, string text)
    {
        _writer.WriteStartObject(name);
        _writer.WriteString("text", text);
        _writer.WriteEndObject();
    }
}
