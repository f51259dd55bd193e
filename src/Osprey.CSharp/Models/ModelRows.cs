namespace Osprey.CSharp.Models;

/// <summary>A source: the API's <see cref="Output"/> carries data an attacker controls.</summary>
/// <param name="Api">The API.</param>
/// <param name="Output">Where the data appears: <c>ReturnValue</c>, <c>Argument[this]</c>, <c>Argument[i]</c>, <c>Parameter</c>, <c>Argument[i].Parameter</c>.</param>
/// <param name="ThreatModel"><c>remote</c> or <c>local</c>.</param>
/// <param name="Label">What kind of input it is: <c>http-query</c>, <c>console</c>, <c>environment</c>, …</param>
/// <param name="Provenance"><c>manual</c> or <c>df-generated</c>.</param>
/// <param name="Origin">The file and line of the row.</param>
internal sealed record SourceModel(ApiReference Api, AccessPath Output, string ThreatModel, string Label, string Provenance, ModelOrigin Origin);

/// <summary>A sink: data reaching the API's <see cref="Input"/> is dangerous in the way <see cref="Kind"/> names.</summary>
internal sealed record SinkModel(ApiReference Api, AccessPath Input, string Kind, string Provenance, ModelOrigin Origin);

/// <summary>A flow summary: taint (or the whole value) moves from <see cref="Input"/> to <see cref="Output"/>.</summary>
internal sealed record SummaryModel(ApiReference Api, AccessPath Input, AccessPath Output, bool PreservesValue, string Provenance, ModelOrigin Origin);

/// <summary>A barrier: the API's <see cref="Output"/> is safe for the sink <see cref="Kind"/> (or every injection kind).</summary>
internal sealed record BarrierModel(ApiReference Api, AccessPath Output, string Kind, string Provenance, ModelOrigin Origin);

/// <summary>
/// A barrier guard: when a call to the API returns <see cref="Branch"/>, the expression passed as
/// <see cref="Input"/> is safe for <see cref="Kind"/> on that branch.
/// </summary>
internal sealed record BarrierGuardModel(ApiReference Api, AccessPath Input, bool Branch, string Kind, string Provenance, ModelOrigin Origin);

/// <summary>A neutral: the API has no flow worth tracking; cancels the default "any operand reaches the result" assumption.</summary>
internal sealed record NeutralModel(ApiReference Api, string Kind, string Provenance, ModelOrigin Origin);
