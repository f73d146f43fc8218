namespace Governance.Outcomes;

/// <summary>
/// 考核事实代码 — the fact codes for case outcomes, shared by Governance.Workflow (which produces the facts) and
/// Governance.Scoring (whose default grid-worker rules score them), so the two packages cannot drift apart.
/// </summary>
public static class CaseOutcomeCodes
{
    /// <summary>A step completed on time.</summary>
    public const string StepMet = "sla.met";

    /// <summary>A step completed late.</summary>
    public const string StepMetLate = "sla.met-late";

    /// <summary>A step past its deadline and not completed.</summary>
    public const string StepBreached = "sla.breached";

    /// <summary>满意 feedback.</summary>
    public const string Satisfied = "feedback.satisfied";

    /// <summary>基本满意 feedback.</summary>
    public const string MostlySatisfied = "feedback.mostly-satisfied";

    /// <summary>不满意 feedback (the case was reopened).</summary>
    public const string Unsatisfied = "feedback.unsatisfied";

    /// <summary>A complaint: a 12345 hotline work order about the grid.</summary>
    public const string Complaint = "complaint";

    /// <summary>三率考核得分 — a grid's composite three-rates score for a period, quantity 0–100 (one fact per grid worker of the grid).</summary>
    public const string ThreeRatesScore = "three-rates.score";

    /// <summary>A supervision finding.</summary>
    public const string SupervisionFinding = "supervision.finding";

    /// <summary>A serious supervision finding.</summary>
    public const string SeriousSupervisionFinding = "supervision.finding.serious";
}
