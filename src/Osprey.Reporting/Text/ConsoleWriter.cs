using System.Globalization;
using System.Text;
using Osprey.Core.Findings;
using Osprey.Core.Scanning;
using Osprey.Reporting.Internal;

namespace Osprey.Reporting.Text;

/// <summary>Streams the text view of one report; the summary at the end is in <c>ConsoleWriter.Summary.cs</c>.</summary>
internal sealed partial class ConsoleWriter
{
    private readonly TextWriter _output;
    private readonly ScanReport _report;
    private readonly AnsiStyle _style;
    private readonly RuleIndex _rules;
    private readonly StringBuilder _text = new(4 * 1024);

    public ConsoleWriter(TextWriter output, ScanReport report, AnsiStyle style)
    {
        _output = output;
        _report = report;
        _style = style;
        _rules = new RuleIndex(report);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        _text.Append(_style.Bold($"{Safe(_report.Tool.Name)} {Safe(_report.Tool.Version)}"))
            .Append(" · ").Append(Safe(_report.Target.Path)).Append(" (").Append(ReportNames.Of(_report.Target.Kind)).Append(")\n")
            .Append("Started ").Append(ReportText.Time(_report.StartedAt)).Append(" · took ").Append(ReportText.Duration(_report.Duration))
            .Append(" · ").Append(_report.FileCount.ToString(CultureInfo.InvariantCulture)).Append(" files\n\n");
        foreach (var finding in _report.Findings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WriteFinding(finding);
            if (_text.Length >= 32 * 1024)
            {
                await FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        WriteSummary();
        await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _output.WriteAsync(_text, cancellationToken).ConfigureAwait(false);
        _text.Clear();
    }

    private void WriteFinding(Finding finding)
    {
        var cwes = finding.Cwes.IsDefaultOrEmpty ? _rules.Get(finding.RuleId).Cwes : finding.Cwes;
        _text.Append(_style.Severity(finding.Severity, finding.Severity.ToName().ToUpperInvariant().PadRight(8)))
            .Append(' ').Append(_style.Bold(Safe(finding.Title)))
            .Append("  [").Append(Safe(finding.RuleId));
        foreach (var cwe in cwes)
        {
            _text.Append(" · ").Append(CweLinks.Name(cwe));
        }

        _text.Append("]\n  at ").Append(_style.Cyan(Safe(finding.Location.ToString())));
        if (finding.Location.Member is not null)
        {
            _text.Append(" in ").Append(Safe(finding.Location.Member));
        }

        _text.Append("\n  ").Append(Safe(finding.Message)).Append('\n');
        if (finding.EntryPoint is { } entryPoint)
        {
            _text.Append("  entry point: ").Append(Safe(entryPoint.Name)).Append(" (").Append(ReportNames.Of(entryPoint.Auth)).Append(")\n");
        }

        if (!finding.Trace.IsDefaultOrEmpty)
        {
            WriteTrace(finding);
        }

        WriteVerification(finding.Verification);
        if (!string.IsNullOrEmpty(finding.Fingerprint))
        {
            _text.Append("  ").Append(_style.Dim("fingerprint " + Safe(finding.Fingerprint))).Append('\n');
        }

        _text.Append('\n');
    }

    private void WriteTrace(Finding finding)
    {
        _text.Append("  trace:\n");
        for (var i = 0; i < finding.Trace.Length; i++)
        {
            var step = finding.Trace[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture) + ". ";
            _text.Append("    ").Append(number).Append(ReportNames.Of(step.Kind).PadRight(8))
                .Append(_style.Cyan(Safe(step.Location.ToString()))).Append("  ").Append(Safe(step.Description)).Append('\n');
            if (!string.IsNullOrEmpty(step.Location.Snippet))
            {
                _text.Append(' ', 4 + number.Length + 8)
                    .Append(_style.Dim(step.Location.StartLine.ToString(CultureInfo.InvariantCulture) + " | " + Safe(step.Location.Snippet)))
                    .Append('\n');
            }
        }
    }

    private void WriteVerification(Verification verification)
    {
        _text.Append("  verification: ").Append(_style.Status(verification.Status, ReportNames.Of(verification.Status)));
        if (verification.Reason is not null)
        {
            _text.Append(": ").Append(Safe(verification.Reason));
        }

        if (verification.Verifier is not null)
        {
            _text.Append(" (").Append(Safe(verification.Verifier)).Append(", ").Append(ReportText.Duration(verification.Duration)).Append(')');
        }

        _text.Append('\n');
        if (verification.Proof is not { } proof)
        {
            return;
        }

        _text.Append("    entry point: ").Append(Safe(proof.EntryPoint)).Append('\n');
        Block("payload (" + Safe(proof.PayloadEncoding) + ")", proof.Payload);
        Block("observed", proof.Observed);
        if (proof.Explanation is not null)
        {
            _text.Append("    why: ").Append(Safe(proof.Explanation)).Append('\n');
        }

        if (proof.Replay is { } replay)
        {
            Block("replay (" + Safe(replay.Kind) + ")", replay.Content);
        }
    }

    // Multi-line values (payloads, replay programs) are indented under their label, line by line.
    private void Block(string label, string text)
    {
        var lines = ReportText.Block(text).Split('\n');
        _text.Append("    ").Append(label).Append(':');
        if (lines.Length == 1)
        {
            _text.Append(' ').Append(lines[0]).Append('\n');
            return;
        }

        _text.Append('\n');
        foreach (var line in lines)
        {
            _text.Append("      ").Append(line).Append('\n');
        }
    }

    private static string Safe(string? text) => ReportText.OneLine(text);
}
