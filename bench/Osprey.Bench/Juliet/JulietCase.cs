using System.Collections.Immutable;

namespace Osprey.Bench.Juliet;

/// <summary>
/// One Juliet test case: every file that shares the case name (parts <c>a</c>–<c>e</c>, and the
/// <c>_81_base</c>/<c>_81_bad</c>/<c>_81_goodG2B</c>/<c>_81_goodB2G</c> files of variant 81).
/// </summary>
/// <param name="Name">The case name, e.g. <c>CWE78_OS_Command_Injection__Environment_22</c>.</param>
/// <param name="Cwe">The Juliet CWE the case belongs to.</param>
/// <param name="Variant">The two-digit flow variant, e.g. <c>22</c>.</param>
/// <param name="Source">The bad source (see <see cref="JulietSources"/>), or <c>other</c>.</param>
/// <param name="Files">Absolute paths of the case's files, sorted.</param>
internal sealed record JulietCase(string Name, int Cwe, string Variant, string Source, ImmutableArray<string> Files);
