using System.Globalization;
using Osprey.Core.Findings;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Html;

internal sealed partial class HtmlWriter
{
    private void WriteFinding(Finding finding)
    {
        var severity = finding.Severity.ToName();
        var status = ReportNames.Of(finding.Verification.Status);
        _html.Append("<li class=\"finding\" data-severity=\"").Append(severity)
            .Append("\" data-rule=\"").Append(HtmlText.Encode(finding.RuleId))
            .Append("\" data-status=\"").Append(status).Append("\">\n<details>\n<summary>")
            .Append("<span class=\"sev sev-").Append(severity).Append("\">").Append(severity).Append("</span> ")
            .Element("span", finding.Title, "title").Append(' ')
            .Element("code", finding.Location.ToString(), "loc").Append(' ')
            .Append("<span class=\"status status-").Append(status).Append("\">").Append(status).Append("</span>")
            .Append("</summary>\n<div class=\"body\">\n")
            .Element("p", finding.Message, "message").Append('\n');
        WriteFacts(finding);
        if (!finding.Trace.IsDefaultOrEmpty)
        {
            WriteTrace(finding);
        }

        if (finding.Verification.Proof is { } proof)
        {
            WriteProof(proof);
        }

        if (!finding.RelatedLocations.IsDefaultOrEmpty)
        {
            _html.Append("<h4>Related locations</h4>\n<ul class=\"related\">\n");
            foreach (var related in finding.RelatedLocations)
            {
                _html.Append("<li>").Element("code", related.ToString());
                if (related.Member is not null)
                {
                    _html.Append(' ').Element("span", related.Member, "member");
                }

                WriteCodeLine(related);
                _html.Append("</li>\n");
            }

            _html.Append("</ul>\n");
        }

        _html.Append("</div>\n</details>\n</li>\n");
    }

    private void WriteFacts(Finding finding)
    {
        var rule = _rules.Get(finding.RuleId);
        _html.Append("<dl class=\"facts\">\n<dt>Rule</dt><dd><a href=\"#rule-")
            .Append(_rules.IndexOf(finding.RuleId).ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Element("code", finding.RuleId).Append("</a> ").Append(HtmlText.Encode(rule.ShortDescription)).Append("</dd>\n");
        var cwes = finding.Cwes.IsDefaultOrEmpty ? rule.Cwes : finding.Cwes;
        if (!cwes.IsDefaultOrEmpty)
        {
            _html.Append("<dt>CWE</dt><dd>");
            foreach (var cwe in cwes)
            {
                _html.Append("<a href=\"").Append(CweLinks.Url(cwe)).Append("\" rel=\"noopener noreferrer\">").Append(CweLinks.Name(cwe)).Append("</a> ");
            }

            _html.Append("</dd>\n");
        }

        var verification = finding.Verification;
        var verificationText = ReportNames.Of(verification.Status)
            + (verification.Reason is null ? "" : ": " + verification.Reason)
            + (verification.Verifier is null ? "" : $" (by {verification.Verifier}, {ReportText.Duration(verification.Duration)})");
        Fact("Verification", verificationText);
        Fact("Confidence", ReportNames.Of(finding.Confidence));
        if (finding.EntryPoint is { } entryPoint)
        {
            Fact("Entry point", $"{entryPoint.Name} ({ReportNames.Of(entryPoint.Kind)}, {ReportNames.Of(entryPoint.Auth)}"
                + (entryPoint.Roles.Count > 0 ? ": " + string.Join(", ", entryPoint.Roles) : "") + ")");
        }

        if (finding.SourceKind is not null || finding.SinkKind is not null)
        {
            Fact("Source → sink", $"{finding.SourceKind ?? "?"} → {finding.SinkKind ?? "?"}");
        }

        Fact("Member", finding.Location.Member);
        Fact("CVSS", finding.CvssVector);
        Fact("Engine", finding.Engine);
        Fact("Fingerprint", finding.Fingerprint);
        foreach (var (name, value) in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Fact(name, value);
        }

        _html.Append("</dl>\n");
        WriteCodeLine(finding.Location);
    }

    private void Fact(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _html.Element("dt", name).Element("dd", value).Append('\n');
        }
    }

    private void WriteTrace(Finding finding)
    {
        _html.Append("<h4>Trace</h4>\n<ol class=\"trace\">\n");
        foreach (var step in finding.Trace)
        {
            var kind = ReportNames.Of(step.Kind);
            _html.Append("<li class=\"step step-").Append(kind).Append("\"><div class=\"step-head\">")
                .Append("<span class=\"step-kind\">").Append(kind).Append("</span> ")
                .Element("code", step.Location.ToString());
            if (step.Location.Member is not null)
            {
                _html.Append(' ').Element("span", step.Location.Member, "member");
            }

            _html.Append("</div>\n").Element("p", step.Description);
            WriteCodeLine(step.Location);
            _html.Append("</li>\n");
        }

        _html.Append("</ol>\n");
    }

    private void WriteCodeLine(SourceLocation location)
    {
        if (string.IsNullOrEmpty(location.Snippet))
        {
            return;
        }

        _html.Append("<pre class=\"code\"><span class=\"ln\">").Append(location.StartLine.ToString(CultureInfo.InvariantCulture))
            .Append("</span>").Append(HtmlText.Encode(location.Snippet)).Append("</pre>\n");
    }

    private void WriteProof(Proof proof)
    {
        _html.Append("<h4>Proof</h4>\n<dl class=\"facts proof\">\n");
        Fact("Entry point", proof.EntryPoint);
        _html.Append("<dt>Payload (").Append(HtmlText.Encode(proof.PayloadEncoding)).Append(")</dt><dd>").Element("pre", proof.Payload).Append("</dd>\n");
        _html.Append("<dt>Observed</dt><dd>").Element("pre", proof.Observed).Append("</dd>\n");
        Fact("Why", proof.Explanation);
        if (proof.Replay is { } replay)
        {
            _html.Append("<dt>Replay (").Append(HtmlText.Encode(replay.Kind)).Append(")</dt><dd>");
            if (replay.FileName is not null)
            {
                _html.Element("code", replay.FileName);
            }

            _html.Element("pre", replay.Content).Append("</dd>\n");
        }

        _html.Append("</dl>\n");
    }
}
