namespace Governance.Cases;

/// <summary>满意度 — the resident's satisfaction at feedback.</summary>
/// <remarks>No member is 0: a satisfaction left unset (<c>default</c>) is not "satisfied" but undefined, and refused.</remarks>
public enum Satisfaction
{
    /// <summary>满意 — satisfied.</summary>
    Satisfied = 1,

    /// <summary>基本满意 — mostly satisfied.</summary>
    MostlySatisfied,

    /// <summary>不满意 — not satisfied: the case is reopened for rework.</summary>
    Unsatisfied,
}
