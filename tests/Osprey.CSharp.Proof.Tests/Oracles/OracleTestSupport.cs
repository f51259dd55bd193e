using System.Collections.Immutable;
using Osprey.CSharp.Proof.Oracles;

namespace Osprey.CSharp.Proof.Tests.Oracles;

internal static class OracleTestSupport
{
    public static SinkObservation Observe(string kind, params string[] values) =>
        new() { SinkKind = kind, Values = [.. values] };

    public static SinkObservation WithFact(this SinkObservation observation, string name, string value) =>
        observation with { Facts = observation.Facts.SetItem(name, value) };

    public static Payload Payload(string kind, int index = 0) => SinkOracles.For(kind)!.Payloads[index];

    public static OracleVerdict Judge(string kind, Payload payload, SinkObservation observation) =>
        SinkOracles.For(kind)!.Judge(payload, observation);

    public static ImmutableArray<Payload> PayloadsOf(string kind) => SinkOracles.For(kind)!.Payloads;
}
