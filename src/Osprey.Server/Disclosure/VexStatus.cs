namespace Osprey.Server.Disclosure;

/// <summary>The state of a disclosure case in the VEX vocabulary (CISA's minimum VEX requirements).</summary>
internal enum VexStatus
{
    /// <summary><c>under_investigation</c>: reported, not yet confirmed by the maintainer.</summary>
    UnderInvestigation,

    /// <summary><c>affected</c>: the product is vulnerable.</summary>
    Affected,

    /// <summary><c>fixed</c>: a release containing the fix has shipped.</summary>
    Fixed,

    /// <summary><c>not_affected</c>: the product is not vulnerable, with a <see cref="VexJustification"/>.</summary>
    NotAffected,
}

/// <summary>Why a product is <c>not_affected</c>; the five justifications VEX and CSAF share.</summary>
internal enum VexJustification
{
    /// <summary><c>component_not_present</c>.</summary>
    ComponentNotPresent,

    /// <summary><c>vulnerable_code_not_present</c>.</summary>
    VulnerableCodeNotPresent,

    /// <summary><c>vulnerable_code_cannot_be_controlled_by_adversary</c>.</summary>
    VulnerableCodeCannotBeControlledByAdversary,

    /// <summary><c>vulnerable_code_not_in_execute_path</c>.</summary>
    VulnerableCodeNotInExecutePath,

    /// <summary><c>inline_mitigations_already_exist</c>.</summary>
    InlineMitigationsAlreadyExist,
}

/// <summary>The VEX wire names of <see cref="VexStatus"/> and <see cref="VexJustification"/>.</summary>
internal static class VexNames
{
    public static string ToVexName(this VexStatus status) => status switch
    {
        VexStatus.UnderInvestigation => "under_investigation",
        VexStatus.Affected => "affected",
        VexStatus.Fixed => "fixed",
        _ => "not_affected",
    };

    public static string ToVexName(this VexJustification justification) => justification switch
    {
        VexJustification.ComponentNotPresent => "component_not_present",
        VexJustification.VulnerableCodeNotPresent => "vulnerable_code_not_present",
        VexJustification.VulnerableCodeCannotBeControlledByAdversary => "vulnerable_code_cannot_be_controlled_by_adversary",
        VexJustification.VulnerableCodeNotInExecutePath => "vulnerable_code_not_in_execute_path",
        _ => "inline_mitigations_already_exist",
    };
}
