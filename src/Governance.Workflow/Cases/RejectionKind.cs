namespace Governance.Cases;

/// <summary>驳回原因 — why a case is rejected.</summary>
public enum RejectionKind
{
    /// <summary>重复 — a duplicate of another case (its id is recorded).</summary>
    Duplicate,

    /// <summary>非职责范围 — not our responsibility.</summary>
    NotOurResponsibility,

    /// <summary>无效 — invalid (no such problem, a prank …).</summary>
    Invalid,
}
