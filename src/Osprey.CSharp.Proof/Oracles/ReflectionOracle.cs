using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Unsafe reflection: exploitable when the type (or assembly) name loaded is the one the attacker named.
/// The name may be any of the call's values: <c>Activator.CreateInstance(assemblyName, typeName)</c>
/// records the assembly (often null) first and the type second.
/// </summary>
internal sealed class ReflectionOracle : ISinkOracle
{
    public ImmutableArray<string> SinkKinds { get; } = ["unsafe-reflection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("System.Diagnostics.Process, System.Diagnostics.Process", "names a type that starts processes"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var names = observation.Values.IsDefaultOrEmpty ? [] : observation.Values.OfType<string>().Select(v => v.Trim()).ToList();
        var typeName = payload.Value.Split(',')[0];
        if (names.FirstOrDefault(n => n.StartsWith(typeName, StringComparison.Ordinal)) is { } named)
        {
            return OracleVerdict.Exploit($"the attacker names the type the program loads: '{named}'.");
        }

        return names.FirstOrDefault(n => n.Contains(typeName, StringComparison.Ordinal)) is { } confined
            ? OracleVerdict.Neutralised($"the payload is confined under a fixed prefix: '{confined}'")
            : OracleVerdict.NotReached("the payload does not reach the type name");
    }
}
