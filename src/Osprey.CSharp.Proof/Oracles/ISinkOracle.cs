using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>Decides, for one sink kind, whether a value observed at the sink is exploitable. Pure: no I/O.</summary>
public interface ISinkOracle
{
    /// <summary>The sink kinds this oracle judges.</summary>
    ImmutableArray<string> SinkKinds { get; }

    /// <summary>The payloads to try, in order.</summary>
    ImmutableArray<Payload> Payloads { get; }

    /// <summary>Judges what the sink observed when the program was given <paramref name="payload"/>.</summary>
    OracleVerdict Judge(Payload payload, SinkObservation observation);
}
