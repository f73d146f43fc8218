namespace Governance.Cases;

/// <summary>驳回原因 — why a case is rejected.</summary>
/// <remarks>No member is 0: a kind left unset (<c>default</c>) is not "duplicate" but undefined, and refused.</remarks>
public enum RejectionKind
{
    /// <summary>重复 — a duplicate of another case (its id is recorded).</summary>
    Duplicate = 1,

    /// <summary>非职责范围 — not our responsibility.</summary>
    NotOurResponsibility,

    /// <summary>无效 — invalid (no such problem, a prank …).</summary>
    Invalid,
}
