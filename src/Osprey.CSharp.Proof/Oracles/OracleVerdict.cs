namespace Osprey.CSharp.Proof.Oracles;

/// <summary>An oracle's decision about one observation.</summary>
public sealed record OracleVerdict
{
    private OracleVerdict(bool exploitable, bool reached, string explanation)
    {
        Exploitable = exploitable;
        Reached = reached;
        Explanation = explanation;
    }

    /// <summary>Whether the payload arrived in a shape that does what the attacker wants.</summary>
    public bool Exploitable { get; }

    /// <summary>Whether the payload (or an encoded form of it) reached the sink at all.</summary>
    public bool Reached { get; }

    /// <summary>One sentence saying why.</summary>
    public string Explanation { get; }

    /// <summary>The payload changed what the sink does.</summary>
    public static OracleVerdict Exploit(string explanation) => new(true, true, explanation);

    /// <summary>The payload arrived but could not change what the sink does.</summary>
    public static OracleVerdict Neutralised(string explanation) => new(false, true, explanation);

    /// <summary>Nothing of the payload arrived at the sink.</summary>
    public static OracleVerdict NotReached(string explanation) => new(false, false, explanation);
}
