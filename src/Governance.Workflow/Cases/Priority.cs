namespace Governance.Cases;

/// <summary>优先级 — how urgent a case is.</summary>
public enum Priority
{
    /// <summary>一般 — normal.</summary>
    Normal,

    /// <summary>紧急 — urgent.</summary>
    Urgent,

    /// <summary>特急 — critical (safety hazards).</summary>
    Critical,
}
