namespace Osprey.Server.Organisations;

/// <summary>An organisation's application for access.</summary>
internal sealed record OrganisationApplication(string Name, string ContactEmail, string Purpose, string? Website = null);

/// <summary>What an operator decides, and on what evidence.</summary>
internal sealed record VettingDecision(VettingAction Action, string Evidence, string OperatorName);

/// <summary>The vetting actions.</summary>
internal enum VettingAction
{
    Activate,
    Suspend,
    Revoke,
    Reject,
}

/// <summary>New quota values; omitted ones stay as they are.</summary>
internal sealed record QuotaChange(int? ScansPerDay = null, int? ConcurrentScans = null, long? MaxArchiveBytes = null, int? RequestsPerMinute = null, long? ModelTokenBudget = null);
