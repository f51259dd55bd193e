using System.Collections.Immutable;
using System.Data.Common;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>
/// External control of a configuration setting (CWE-15): exploitable when the attacker's value
/// becomes a setting — the connection string, parsed, has the payload's injected key or a setting
/// whose whole value the attacker chose.
/// </summary>
internal sealed class ConfigOracle : ISinkOracle
{
    private const string InjectedCatalog = "osprey_attacker_db";

    public ImmutableArray<string> SinkKinds { get; } = ["config-injection"];

    public ImmutableArray<Payload> Payloads { get; } =
    [
        new($"osprey;Initial Catalog={InjectedCatalog}", "adds an Initial Catalog setting to the connection string"),
        new("osprey_attacker", "chooses a setting's value"),
    ];

    public OracleVerdict Judge(Payload payload, SinkObservation observation)
    {
        var setting = observation.Primary;
        if (!setting.Contains("osprey", StringComparison.Ordinal))
        {
            return OracleVerdict.NotReached("the payload does not reach the setting");
        }

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = setting;
        }
        catch (ArgumentException)
        {
            // Not a connection string: a plain setting value the attacker chose.
            return OracleVerdict.Exploit($"the attacker's value becomes the setting '{setting}'.");
        }

        var settings = builder.Keys.Cast<string>().Select(k => (Key: k, Value: builder[k]?.ToString() ?? "")).ToList();
        if (settings.FirstOrDefault(s => s.Value == InjectedCatalog) is { Key: not null } injected)
        {
            return OracleVerdict.Exploit($"the payload added the connection setting '{injected.Key}={injected.Value}'.");
        }

        if (settings.FirstOrDefault(s => s.Value.StartsWith("osprey", StringComparison.Ordinal)) is { Key: not null } chosen)
        {
            return OracleVerdict.Exploit($"the attacker chose the connection setting '{chosen.Key}={chosen.Value}'.");
        }

        return OracleVerdict.Neutralised("the payload reaches the setting but sets nothing of its own");
    }
}
