using System.Collections.Immutable;
using Osprey.Core.Findings;

namespace Osprey.Native.Triage;

/// <summary>What a crash is: its rule, its CWEs (most specific first) and its severity.</summary>
/// <param name="RuleId">The rule, <c>c/&lt;kind&gt;</c>.</param>
/// <param name="Cwes">CWE numbers, most specific first.</param>
/// <param name="Severity">Severity from the access (write worse than read) and the scariness score.</param>
/// <param name="Summary">A short phrase: "4-byte heap buffer overflow (write)".</param>
internal sealed record CrashClass(string RuleId, ImmutableArray<int> Cwes, Severity Severity, string Summary);
