using System.Collections.Immutable;

namespace Osprey.Native.Static;

/// <summary>One step of an analyzer path.</summary>
/// <param name="File">Absolute file path.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
/// <param name="Message">What the analyzer assumed or saw there.</param>
internal sealed record StaticPathStep(string File, int Line, int Column, string Message);

/// <summary>A clang static analyzer report.</summary>
/// <param name="Checker">The checker, e.g. <c>core.NullDereference</c>.</param>
/// <param name="Message">The analyzer's message.</param>
/// <param name="File">Absolute file path.</param>
/// <param name="Line">The line.</param>
/// <param name="Column">The column.</param>
/// <param name="Path">The analyzer's path to the defect, first step first.</param>
internal sealed record StaticCandidate(string Checker, string Message, string File, int Line, int Column, ImmutableArray<StaticPathStep> Path);
