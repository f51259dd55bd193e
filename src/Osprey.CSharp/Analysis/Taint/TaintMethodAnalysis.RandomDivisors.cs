using Microsoft.CodeAnalysis;
using Osprey.Core.Findings;
using Osprey.CSharp.Models;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// A pseudo-random number that can be zero (<c>Random.Next()</c>, <c>Next(max)</c>,
/// <c>NextDouble()</c>) is a source for the divide-by-zero sink only: it is no attacker's input, so
/// it starts sanitised for every other kind, but nothing keeps it from drawing the zero a divisor
/// must not hold. <c>Next(min, max)</c> with a constant positive <c>min</c> cannot be zero.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    /// <summary>The threat model of a finding whose "source" is a random draw rather than input (the same name the extreme-value draws use).</summary>
    private const string RandomDivisorThreatModel = "random";

    private TaintValue RandomDivisor(CallSite site)
    {
        var method = site.Method;
        if (method.ContainingType is not { Name: "Random", ContainingNamespace.Name: "System" }
            || method.Name is not ("Next" or "NextDouble" or "NextSingle" or "NextInt64")
            || (method.Parameters.Length == 2 && site.ArgumentOperations[0] is { } min && ConstantOf(min) is > 0))
        {
            return TaintValue.Bottom;
        }

        var location = site.Operation.Syntax.GetLocation();
        var name = TaintSession.ShortName(method);
        var description = $"`{name}` (a pseudo-random number that can be zero)";
        var source = new TaintSource(RandomDivisorThreatModel, "random", description, location);
        var origin = TaintOrigin.FromSource(source, TaintTrace.Start(new TaintStep(location, "drawn by " + description, TraceStepKind.Source, _member)));
        var others = SinkKindSet.AllExcept(_session.Catalog.Kinds.MaskOf(DivideByZeroKind));
        return TaintValue.OfOrigin(origin.WithSanitized(others));
    }
}
