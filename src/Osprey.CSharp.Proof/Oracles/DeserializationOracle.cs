using System.Collections.Immutable;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// Unsafe deserialization: exploitable when an attacker-named type reaches the formatter — a
/// formatter that reads type names from its input (<c>BinaryFormatter</c>, <c>SoapFormatter</c>,
/// <c>NetDataContractSerializer</c>, <c>LosFormatter</c>, <c>ObjectStateFormatter</c>) given the
/// payload, Json.NET with <c>TypeNameHandling</c> other than <c>None</c> given a <c>$type</c>, or
/// any serializer whose target type the attacker named (fact <c>type</c>).
/// </summary>
internal sealed class DeserializationOracle : ISinkOracle
{
    internal const string GadgetType = "System.Windows.Data.ObjectDataProvider, PresentationFramework";

    private static readonly HashSet<string> TypeReadingFormatters = new(StringComparer.Ordinal)
    {
        "BinaryFormatter", "SoapFormatter", "NetDataContractSerializer", "LosFormatter", "ObjectStateFormatter",
    };

    public ImmutableArray<string> SinkKinds { get; } = ["unsafe-deserialization"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new("{\"$type\":\"" + GadgetType + "\",\"MethodName\":\"Start\",\"ObjectInstance\":{\"$type\":\"System.Diagnostics.Process, System\"}}", "names a gadget type with $type"),
        new(GadgetType, "names the type to deserialize"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var formatter = observation.Fact("formatter") ?? observation.Api;
        var data = observation.Primary;
        var type = observation.Fact("type") ?? "";
        if (type.Contains("ObjectDataProvider", StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit($"the attacker names the type '{type}' that {formatter} instantiates.");
        }

        if (!data.Contains("ObjectDataProvider", StringComparison.Ordinal))
        {
            return OracleVerdict.NotReached("the payload does not reach the deserializer");
        }

        if (TypeReadingFormatters.Any(f => formatter.Contains(f, StringComparison.Ordinal)))
        {
            return OracleVerdict.Exploit($"attacker-controlled data reaches {formatter}, which instantiates whatever types the data names.");
        }

        var handling = observation.Fact("TypeNameHandling");
        if (handling is not null && handling != "None" && data.Contains("\"$type\"", StringComparison.Ordinal))
        {
            return OracleVerdict.Exploit($"a $type naming {GadgetType} reaches Json.NET with TypeNameHandling.{handling}.");
        }

        return OracleVerdict.Neutralised($"the payload reaches {formatter}, which does not read type names from its input");
    }
}
