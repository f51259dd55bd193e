using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.CSharp.Rules;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>Turns a source-to-sink flow into a <see cref="Finding"/> with its whole trace.</summary>
internal static class TaintFindingFactory
{
    /// <summary>
    /// The finding for <paramref name="flow"/>, reached from <paramref name="entryPoints"/>. A flow
    /// every one of whose entry points requires a signed-in user is one severity level lower than
    /// the rule's, and says so; a flow reachable before authentication keeps the rule's severity.
    /// </summary>
    public static Finding Create(PendingFinding flow, CSharpAnalysisContext context, ImmutableArray<EntryPoint> entryPoints = default)
    {
        var rule = TaintRules.For(flow.SinkKind);
        var steps = flow.Trace.Steps().Where(s => s.Location.IsInSource).ToImmutableArray();
        var sink = steps[^1];
        var trace = steps.Select(s => new TraceStep
        {
            Location = context.ToLocation(s.Location, s.Member),
            Description = s.Description,
            Kind = s.Kind,
        }).ToImmutableArray();
        var sinkLocation = trace[^1].Location;
        var reach = Reachability.Of(entryPoints.IsDefault ? [] : entryPoints);
        var properties = ImmutableDictionary<string, string>.Empty
            .Add("source", flow.Source.Label)
            .Add("sourceLocation", trace[0].Location.ToString());
        if (reach.Label is { } label)
        {
            properties = properties.Add("reachability", label);
        }

        return new Finding
        {
            RuleId = rule.Id,
            Cwes = rule.Cwes,
            Title = rule.Title,
            Message = $"Data read from {flow.Source.Description} reaches {SinkText(sink.Description)} at line {sinkLocation.StartLine}.{reach.Sentence}",
            Severity = reach.AfterAuthentication ? Lower(rule.Severity) : rule.Severity,
            EntryPoint = reach.EntryPoint,
            Confidence = flow.Trace.HasAssumedStep ? Confidence.Medium : Confidence.High,
            Location = sinkLocation,
            Trace = trace,
            SourceKind = flow.Source.ThreatModel,
            SinkKind = flow.SinkKind,
            Engine = "csharp",
            Properties = properties,
        };
    }

    private static Severity Lower(Severity severity) => severity == Severity.Info ? Severity.Info : severity - 1;

    private static string SinkText(string description) =>
        description.StartsWith("reached ", StringComparison.Ordinal) ? description["reached ".Length..] : description;
}
