using System.Collections.Immutable;
using System.Globalization;

namespace Osprey.Bench.Samples;

/// <summary>
/// Reads the tables of a sample's GROUND_TRUTH.md: rows under a "Vulnerabilities" heading are
/// vulnerabilities, rows under a "Safe" heading are look-alikes. Columns are found by header
/// name (ID, CWE, File, Method, Line), so extra columns do not matter.
/// </summary>
internal static class GroundTruthParser
{
    /// <summary>Parses <paramref name="markdown"/>.</summary>
    /// <exception cref="InvalidDataException">A table lacks a needed column or a row has a bad CWE or line; the message names it.</exception>
    public static ImmutableArray<GroundTruthEntry> Parse(string markdown)
    {
        var entries = ImmutableArray.CreateBuilder<GroundTruthEntry>();
        bool? vulnerable = null;
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.StartsWith('#'))
            {
                var heading = line.TrimStart('#').Trim();
                vulnerable = heading.StartsWith("Vulnerabilit", StringComparison.OrdinalIgnoreCase) ? true
                    : heading.StartsWith("Safe", StringComparison.OrdinalIgnoreCase) ? false
                    : null;
                columns = null;
                continue;
            }

            if (vulnerable is null || !line.StartsWith('|'))
            {
                columns = line.Length == 0 ? columns : null;
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (columns is null)
            {
                columns = cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.OrdinalIgnoreCase);
                foreach (var needed in new[] { "ID", "CWE", "File", "Method", "Line" })
                {
                    if (!columns.ContainsKey(needed))
                    {
                        throw new InvalidDataException($"line {lineNumber}: the table has no '{needed}' column.");
                    }
                }

                continue;
            }

            if (cells.All(c => c.Length > 0 && c.Trim(':').Trim('-').Length == 0))
            {
                continue; // the |---|---| separator
            }

            string Cell(string name) => columns[name] < cells.Length ? cells[columns[name]] : "";
            var cwe = Cell("CWE").Replace("CWE-", "", StringComparison.OrdinalIgnoreCase);
            if (!int.TryParse(cwe, NumberStyles.None, CultureInfo.InvariantCulture, out var cweNumber)
                || !int.TryParse(Cell("Line"), NumberStyles.None, CultureInfo.InvariantCulture, out var sinkLine))
            {
                throw new InvalidDataException($"line {lineNumber}: '{Cell("ID")}' needs a numeric CWE and line (got '{Cell("CWE")}', '{Cell("Line")}').");
            }

            entries.Add(new GroundTruthEntry(Cell("ID"), cweNumber, Cell("File").Trim('`'), Cell("Method").Trim('`'), sinkLine, vulnerable.Value));
        }

        return entries.ToImmutable();
    }
}
