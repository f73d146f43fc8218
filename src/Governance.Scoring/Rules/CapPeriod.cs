namespace Governance.Scoring.Rules;

/// <summary>封顶周期 — the period a rule's cap applies to.</summary>
public enum CapPeriod
{
    /// <summary>Per calendar month.</summary>
    Month,

    /// <summary>Per calendar quarter (so a quarter is then not simply the sum of its months).</summary>
    Quarter,
}
