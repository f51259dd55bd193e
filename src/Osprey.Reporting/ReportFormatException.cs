namespace Osprey.Reporting;

/// <summary>
/// A report file that Osprey was asked to read (a SARIF baseline) is missing, unreadable or not in
/// the expected format. The message names the file and what is wrong with it.
/// </summary>
public sealed class ReportFormatException : Exception
{
    private ReportFormatException(string path, string message, Exception? inner)
        : base(message, inner) => FilePath = path;

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    internal static ReportFormatException NotFound(string path) =>
        new(path, $"The baseline file '{path}' does not exist.", null);

    internal static ReportFormatException Unreadable(string path, Exception inner) =>
        new(path, $"The baseline file '{path}' could not be read: {inner.Message}", inner);

    internal static ReportFormatException InvalidJson(string path, System.Text.Json.JsonException inner) =>
        new(path, $"The baseline file '{path}' is not valid JSON (line {(inner.LineNumber ?? 0) + 1}): {inner.Message}", inner);

    internal static ReportFormatException NotSarif(string path, string reason) =>
        new(path, $"The baseline file '{path}' is not a SARIF log: {reason}.", null);
}
