using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>Unsafe reflection: exploitable when the type (or assembly) name loaded is the one the attacker named.</summary>
internal sealed class ReflectionOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["unsafe-reflection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("System.Diagnostics.Process, System.Diagnostics.Process", "names a type that starts processes"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var name = observation.Primary.Trim();
        if (name.StartsWith(payload.Value.Split(',')[0], StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit($"the attacker names the type the program loads: '{name}'.");
        }

        return name.Contains("System.Diagnostics.Process", StringComparison.Ordinal)
            ? OracleVerdict.Neutralised($"the payload is confined under a fixed prefix: '{name}'")
            : OracleVerdict.NotReached("the payload does not reach the type name");
    }
}
