namespace Osprey.Server.Disclosure;

/// <summary>
/// Traffic Light Protocol 2.0 label of a case: who the maintainer may share the report with
/// until it is published.
/// </summary>
internal enum TlpLevel
{
    /// <summary>TLP:CLEAR — no limit.</summary>
    Clear,

    /// <summary>TLP:GREEN — the maintainer's community.</summary>
    Green,

    /// <summary>TLP:AMBER — the maintainer's organisation and its clients who need to know.</summary>
    Amber,

    /// <summary>TLP:AMBER+STRICT — the maintainer's organisation only. The default for new cases.</summary>
    AmberStrict,

    /// <summary>TLP:RED — the named recipients only.</summary>
    Red,
}

/// <summary>Renders <see cref="TlpLevel"/> for people and for CSAF 2.0 (which still uses TLP 1.0 labels).</summary>
internal static class TlpLevelNames
{
    public static string ToDisplayName(this TlpLevel level) => level switch
    {
        TlpLevel.Clear => "TLP:CLEAR",
        TlpLevel.Green => "TLP:GREEN",
        TlpLevel.Amber => "TLP:AMBER",
        TlpLevel.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:RED",
    };

    /// <summary>CSAF 2.0 knows WHITE, GREEN, AMBER and RED; AMBER+STRICT maps to AMBER, the nearest wider label's stricter neighbour.</summary>
    public static string ToCsafLabel(this TlpLevel level) => level switch
    {
        TlpLevel.Clear => "WHITE",
        TlpLevel.Green => "GREEN",
        TlpLevel.Amber or TlpLevel.AmberStrict => "AMBER",
        _ => "RED",
    };
}
