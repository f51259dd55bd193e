using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;
using Osprey.Core.Scanning;

namespace Osprey.Reporting.Internal;

/// <summary>
/// The rules a report describes, each with a stable index, looked up by id in constant time.
/// A finding whose rule the report does not list still gets a descriptor, built from the finding,
/// so that every SARIF <c>ruleIndex</c> is valid and no finding is shown without a rule.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<Rule> _rules = [];

    public RuleIndex(ScanReport report)
    {
        foreach (var rule in report.Rules)
        {
            Add(rule);
        }

        foreach (var finding in report.Findings)
        {
            if (!_indexById.ContainsKey(finding.RuleId))
            {
                Add(Synthesize(finding));
            }
        }
    }

    public IReadOnlyList<Rule> Rules => _rules;

    public int IndexOf(string ruleId) => _indexById[ruleId];

    public Rule Get(string ruleId) => _rules[_indexById[ruleId]];

    private void Add(Rule rule)
    {
        if (_indexById.TryAdd(rule.Id, _rules.Count))
        {
            _rules.Add(rule);
        }
    }

    private static Rule Synthesize(Finding finding) => new()
    {
        Id = finding.RuleId,
        Name = finding.RuleId,
        Cwes = finding.Cwes.IsDefault ? ImmutableArray<int>.Empty : finding.Cwes,
        DefaultSeverity = finding.Severity,
        ShortDescription = finding.Title,
        FullDescription = finding.Title,
        Help = finding.Title,
    };
}
