namespace Governance.Cases;

/// <summary>满意度 — the resident's satisfaction at feedback.</summary>
public enum Satisfaction
{
    /// <summary>满意 — satisfied.</summary>
    Satisfied,

    /// <summary>基本满意 — mostly satisfied.</summary>
    MostlySatisfied,

    /// <summary>不满意 — not satisfied: the case is reopened for rework.</summary>
    Unsatisfied,
}
