using System.Collections.Frozen;
using Osprey.CSharp.Proof.Oracles.Command;
using Osprey.CSharp.Proof.Oracles.Sql;

namespace Osprey.CSharp.Proof.Oracles;

/// <summary>The oracle for each supported sink kind.</summary>
public static class SinkOracles
{
    private static readonly FrozenDictionary<string, ISinkOracle> ByKind = new ISinkOracle[]
    {
        new SqlOracle(), new CommandOracle(), new PathOracle(), new XssOracle(), new LdapOracle(), new XPathOracle(),
        new RedirectOracle(), new SsrfOracle(), new DeserializationOracle(), CrlfOracle.Log(), CrlfOracle.Header(),
        new FormatStringOracle(), new ConfigOracle(), new ReflectionOracle(),
    }.SelectMany(o => o.SinkKinds.Select(k => (Kind: k, Oracle: o))).ToFrozenDictionary(p => p.Kind, p => p.Oracle, StringComparer.Ordinal);

    /// <summary>The supported sink kinds.</summary>
    public static IEnumerable<string> Kinds => ByKind.Keys;

    /// <summary>The oracle for <paramref name="sinkKind"/>, or null when the kind has none.</summary>
    public static ISinkOracle? For(string? sinkKind) => sinkKind is not null && ByKind.TryGetValue(sinkKind, out var oracle) ? oracle : null;
}
