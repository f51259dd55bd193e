using System.Collections.Immutable;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Origins that stand for one number rather than for whoever supplied it — a type's limit stored on
/// the path, a random draw with its range — are facts about that exact value. An assumed flow
/// through code without a model, or formatting into text, yields some other value: input taint goes
/// on (the attacker still chose it), but those origins stop there. Without this cut, a limit stored
/// in one field of a query object reached every string the object's consumers later built
/// (jellyfin's <c>ImageTypeLimit = int.MaxValue</c> became 726 size and loop findings).
/// Inside a summary the cut is recorded as <see cref="SinkKindSet.ValueChangedMask"/> on the parameter
/// origin and applied when the caller's origins are bound.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>Whether <paramref name="origin"/> stands for a number known on the path rather than for input.</summary>
    private static bool IsExactValue(TaintOrigin origin) => origin.Source?.ThreatModel is KnownValueThreatModel or RandomThreatModel;

    /// <summary><paramref name="origins"/> after an operation that changes the value: exact values dropped, the rest marked.</summary>
    private static ImmutableArray<TaintOrigin> ChangedValue(ImmutableArray<TaintOrigin> origins)
    {
        if (origins.IsEmpty)
        {
            return origins;
        }

        var builder = ImmutableArray.CreateBuilder<TaintOrigin>(origins.Length);
        foreach (var origin in origins)
        {
            if (!IsExactValue(origin))
            {
                builder.Add(origin.WithSanitized(SinkKindSet.ValueChangedMask));
            }
        }

        return builder.Count == origins.Length ? builder.MoveToImmutable() : builder.ToImmutable();
    }

    /// <summary>Whether a caller's <paramref name="actual"/> origin survives a summary step sanitised with <paramref name="summarySanitized"/>.</summary>
    private static bool SurvivesSummaryStep(TaintOrigin actual, ulong summarySanitized) =>
        (summarySanitized & SinkKindSet.ValueChangedMask) == 0 || !IsExactValue(actual);
}
