namespace Osprey.Server.Abuse;

/// <summary>Whom a signal or an action is about.</summary>
internal enum AbuseSubjectKind
{
    /// <summary>One API key.</summary>
    Key,

    /// <summary>A whole organisation.</summary>
    Organisation,
}

/// <summary>A key (with its organisation) or an organisation.</summary>
/// <param name="Kind">Key or organisation.</param>
/// <param name="Id">The key id or organisation id.</param>
/// <param name="OrgId">The organisation (equal to <paramref name="Id"/> for an organisation).</param>
internal sealed record AbuseSubject(AbuseSubjectKind Kind, string Id, string OrgId)
{
    public static AbuseSubject Key(string keyId, string orgId) => new(AbuseSubjectKind.Key, keyId, orgId);

    public static AbuseSubject Organisation(string orgId) => new(AbuseSubjectKind.Organisation, orgId, orgId);

    public override string ToString() => Kind == AbuseSubjectKind.Key ? $"key {Id} (org {OrgId})" : $"organisation {Id}";
}

/// <summary>One signal that fired for one subject: how strongly (0–1) and why, in a sentence.</summary>
/// <param name="Signal">The signal's name, e.g. <c>volume</c>.</param>
/// <param name="Subject">Whom it is about.</param>
/// <param name="Score">Strength in [0, 1]; 0.5 is the signal's own threshold.</param>
/// <param name="Explanation">Why it fired, with the numbers.</param>
internal sealed record AbuseSignalResult(string Signal, AbuseSubject Subject, double Score, string Explanation);
