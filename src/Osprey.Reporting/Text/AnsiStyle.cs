using Osprey.Core.Findings;

namespace Osprey.Reporting.Text;

/// <summary>Wraps text in ANSI SGR sequences, or leaves it alone when colour is off.</summary>
internal sealed class AnsiStyle(bool enabled)
{
    private const string Reset = "\u001b[0m";

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Cyan(string text) => Wrap("36", text);

    public string Severity(Severity severity, string text) => Wrap(severity switch
    {
        Core.Findings.Severity.Critical => "1;97;41",
        Core.Findings.Severity.High => "1;31",
        Core.Findings.Severity.Medium => "1;33",
        Core.Findings.Severity.Low => "1;34",
        _ => "2",
    }, text);

    public string Status(VerificationStatus status, string text) => Wrap(status switch
    {
        VerificationStatus.Confirmed => "1;32",
        VerificationStatus.Refuted => "2",
        _ => "35",
    }, text);

    public string Error(string text) => Wrap("31", text);

    public string Warning(string text) => Wrap("33", text);

    private string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}{Reset}" : text;
}
