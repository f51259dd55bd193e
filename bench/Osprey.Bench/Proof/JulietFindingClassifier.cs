using System.Text.RegularExpressions;
using Osprey.Bench.InProcess;
using Osprey.Bench.Juliet;
using Osprey.Core.Findings;

namespace Osprey.Bench.Proof;

/// <summary>Where a finding's sink lies in a Juliet folder: its case, bad or good code, and the method around the sink.</summary>
internal sealed record ClassifiedFinding(Finding Finding, JulietCase Case, RegionKind Kind, string Method)
{
    /// <summary>
    /// Juliet's documented defect: variant 75's GoodG2B deserialises the same attacker-controlled
    /// stream as Bad, so its "good" sink is genuinely exploitable and a proof confirming it is right.
    /// </summary>
    public bool IsJulietDefect => Kind == RegionKind.Good && Case.Variant == "75" && Method.StartsWith("GoodG2B", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Juliet's bad code that cannot reach its sink as written: CWE-89's CommandText cases declare
    /// <c>SqlCommand badSqlCommand = null;</c>, never assign it, and set its Connection before the sink,
    /// so every run throws NullReferenceException first. No proof can (or should) confirm them.
    /// </summary>
    public bool IsJulietUnreachableBad { get; init; }
}

/// <summary>Places findings in the cases of one CWE folder by their sink line, as the scorer does.</summary>
internal sealed partial class JulietFindingClassifier
{
    private readonly Dictionary<string, (JulietCase Case, FileRegions Regions, string[] Lines)> _byFile = new(StringComparer.Ordinal);
    private readonly HashSet<string> _nullBadCommand = new(StringComparer.Ordinal);

    public JulietFindingClassifier(IEnumerable<JulietCase> cases)
    {
        foreach (var @case in cases)
        {
            foreach (var file in @case.Files)
            {
                var text = File.ReadAllText(file);
                _byFile[file] = (@case, JulietRegionExtractor.Extract(text), text.Split('\n'));
                if (text.Contains("SqlCommand badSqlCommand = null;", StringComparison.Ordinal) && !text.Contains("badSqlCommand = new", StringComparison.Ordinal))
                {
                    _nullBadCommand.Add(@case.Name);
                }
            }
        }
    }

    [GeneratedRegex(@"\bvoid\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodHeader();

    public ClassifiedFinding? Classify(Finding finding, string root)
    {
        foreach (var sink in OspreyScanner.ToToolFinding(finding, root).Sinks)
        {
            if (_byFile.TryGetValue(sink.Path, out var entry) && entry.Regions.KindAt(sink.Line) is { } kind)
            {
                return new ClassifiedFinding(finding, entry.Case, kind, MethodAt(entry.Lines, sink.Line))
                {
                    IsJulietUnreachableBad = kind == RegionKind.Bad && _nullBadCommand.Contains(entry.Case.Name),
                };
            }
        }

        return null;
    }

    private static string MethodAt(string[] lines, int line)
    {
        for (var i = Math.Min(line, lines.Length) - 1; i >= 0; i--)
        {
            var match = MethodHeader().Match(lines[i]);
            if (match.Success)
            {
                return match.Groups["name"].Value;
            }
        }

        return "";
    }
}
