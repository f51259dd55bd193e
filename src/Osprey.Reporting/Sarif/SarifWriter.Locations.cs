using Osprey.Core.Findings;

namespace Osprey.Reporting.Sarif;

internal sealed partial class SarifWriter
{
    /// <summary>Writes a SARIF <c>location</c>: physical (file and region), logical (the member) and an optional message.</summary>
    private void WriteLocation(SourceLocation location, string? message, int? id)
    {
        _writer.WriteStartObject();
        if (id is { } value)
        {
            _writer.WriteNumber("id", value);
        }

        _writer.WriteStartObject("physicalLocation");
        var (uri, baseId) = SarifUris.ForPath(location.FilePath);
        _writer.WriteStartObject("artifactLocation");
        _writer.WriteString("uri", uri);
        if (baseId is not null)
        {
            _writer.WriteString("uriBaseId", baseId);
        }

        _writer.WriteEndObject();
        WriteRegion(location);
        _writer.WriteEndObject();

        if (!string.IsNullOrEmpty(location.Member))
        {
            _writer.WriteStartArray("logicalLocations");
            _writer.WriteStartObject();
            _writer.WriteString("name", ShortMemberName(location.Member));
            _writer.WriteString("fullyQualifiedName", location.Member);
            _writer.WriteString("kind", "member");
            _writer.WriteEndObject();
            _writer.WriteEndArray();
        }

        if (message is not null)
        {
            WriteMessage("message", message);
        }

        _writer.WriteEndObject();
    }

    // SARIF regions are 1-based and a region without a start line is invalid: a location with an
    // unknown line (0) is written without a region, as a whole-file location.
    private void WriteRegion(SourceLocation location)
    {
        if (location.StartLine < 1)
        {
            return;
        }

        _writer.WriteStartObject("region");
        _writer.WriteNumber("startLine", location.StartLine);
        if (location.StartColumn >= 1)
        {
            _writer.WriteNumber("startColumn", location.StartColumn);
        }

        _writer.WriteNumber("endLine", location.LastLine);
        if (location.EndColumn >= 1 && (location.LastLine > location.StartLine || location.EndColumn >= location.StartColumn))
        {
            _writer.WriteNumber("endColumn", location.EndColumn);
        }

        if (!string.IsNullOrEmpty(location.Snippet))
        {
            _writer.WriteStartObject("snippet");
            _writer.WriteString("text", location.Snippet);
            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
    }

    /// <summary><c>Shop.Data.Repo.Search(string)</c> → <c>Search</c>.</summary>
    internal static string ShortMemberName(string member)
    {
        var paren = member.IndexOf('(', StringComparison.Ordinal);
        var withoutParameters = paren < 0 ? member : member[..paren];
        var dot = withoutParameters.LastIndexOf('.');
        return dot < 0 ? withoutParameters : withoutParameters[(dot + 1)..];
    }
}
