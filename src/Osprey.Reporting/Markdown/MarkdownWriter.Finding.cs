using System.Globalization;
using System.Text;
using Osprey.Core.Findings;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Markdown;

internal sealed partial class MarkdownWriter
{
    // Caps on single fields, so that one enormous payload or snippet cannot crowd out every other finding.
    private const int MaxSnippet = 400;
    private const int MaxProofText = 2000;
    private const int MaxMessage = 2000;

    private string RenderFinding(Finding finding)
    {
        var builder = new StringBuilder(1024);
        builder.Append("#### ").Append(MarkdownText.Inline(finding.Title, 200)).Append("\n\n");
        builder.Append(MarkdownText.Code(finding.Location.ToString(), 300))
            .Append(" · ").Append(MarkdownText.Code(finding.RuleId, 120));
        foreach (var cwe in finding.Cwes.IsDefaultOrEmpty ? _rules.Get(finding.RuleId).Cwes : finding.Cwes)
        {
            builder.Append(" · [").Append(CweLinks.Name(cwe)).Append("](").Append(CweLinks.Url(cwe)).Append(')');
        }

        builder.Append(" · ").Append(VerificationBadge(finding.Verification)).Append("\n\n");
        builder.Append(MarkdownText.Inline(finding.Message, MaxMessage)).Append("\n\n");
        if (finding.EntryPoint is { } entryPoint)
        {
            builder.Append("Entry point: ").Append(MarkdownText.Code(entryPoint.Name, 200))
                .Append(" (").Append(ReportNames.Of(entryPoint.Auth)).Append(")\n\n");
        }

        if (!finding.Trace.IsDefaultOrEmpty)
        {
            AppendTrace(builder, finding);
        }

        if (finding.Verification.Proof is { } proof)
        {
            AppendProof(builder, proof);
        }

        return builder.ToString();
    }

    private static string VerificationBadge(Verification verification) => verification.Status switch
    {
        VerificationStatus.Confirmed => "**✅ Confirmed**" + (verification.Verifier is null ? "" : " by " + MarkdownText.Inline(verification.Verifier, 80)),
        VerificationStatus.Refuted => "**❌ Refuted**" + Reason(verification.Reason),
        _ => "**❔ Unverified**" + Reason(verification.Reason),
    };

    private static string Reason(string? reason) => string.IsNullOrEmpty(reason) ? "" : ": " + MarkdownText.Inline(reason, 300);

    private static void AppendTrace(StringBuilder builder, Finding finding)
    {
        builder.Append("<details><summary>Trace (")
            .Append(finding.Trace.Length.ToString(CultureInfo.InvariantCulture)).Append(" steps)</summary>\n\n");
        for (var i = 0; i < finding.Trace.Length; i++)
        {
            var step = finding.Trace[i];
            var marker = (i + 1).ToString(CultureInfo.InvariantCulture) + ". ";
            builder.Append(marker).Append("**").Append(ReportNames.Of(step.Kind)).Append("** ")
                .Append(MarkdownText.Code(step.Location.ToString(), 300)).Append(" — ")
                .Append(MarkdownText.Inline(step.Description, 500)).Append('\n');
            if (!string.IsNullOrEmpty(step.Location.Snippet))
            {
                builder.Append('\n');
                var line = step.Location.StartLine.ToString(CultureInfo.InvariantCulture) + ": " + step.Location.Snippet;
                MarkdownText.AppendCodeBlock(builder, line, MarkdownText.LanguageOf(step.Location.FilePath), marker.Length, MaxSnippet);
            }
        }

        builder.Append("\n</details>\n\n");
    }

    private static void AppendProof(StringBuilder builder, Proof proof)
    {
        builder.Append("<details><summary>Proof</summary>\n\n");
        builder.Append("Entry point: ").Append(MarkdownText.Code(proof.EntryPoint, 300)).Append("\n\n");
        builder.Append("Payload (").Append(MarkdownText.Inline(proof.PayloadEncoding, 20)).Append("):\n\n");
        MarkdownText.AppendCodeBlock(builder, proof.Payload, "", 0, MaxProofText);
        builder.Append("\nObserved at the sink:\n\n");
        MarkdownText.AppendCodeBlock(builder, proof.Observed, "", 0, MaxProofText);
        if (!string.IsNullOrEmpty(proof.Explanation))
        {
            builder.Append('\n').Append(MarkdownText.Inline(proof.Explanation, MaxMessage)).Append('\n');
        }

        if (proof.Replay is { } replay)
        {
            builder.Append("\nReplay (").Append(MarkdownText.Inline(replay.Kind, 40)).Append("):\n\n");
            MarkdownText.AppendCodeBlock(builder, replay.Content, replay.Kind is "shell" or "curl" ? "sh" : "", 0, MaxProofText);
        }

        builder.Append("\n</details>\n\n");
    }
}
