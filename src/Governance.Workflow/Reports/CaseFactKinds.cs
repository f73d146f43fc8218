using Governance.Outcomes;

namespace Governance.Reports;

/// <summary>事实类别 — the fact codes <see cref="CaseFacts"/> produces.</summary>
public static class CaseFactKinds
{
    /// <summary>A step completed on time.</summary>
    public const string StepMet = CaseOutcomeCodes.StepMet;

    /// <summary>A step completed late.</summary>
    public const string StepMetLate = CaseOutcomeCodes.StepMetLate;

    /// <summary>A step past its deadline and not completed.</summary>
    public const string StepBreached = CaseOutcomeCodes.StepBreached;

    /// <summary>满意 feedback.</summary>
    public const string Satisfied = CaseOutcomeCodes.Satisfied;

    /// <summary>基本满意 feedback.</summary>
    public const string MostlySatisfied = CaseOutcomeCodes.MostlySatisfied;

    /// <summary>不满意 feedback (the case was reopened).</summary>
    public const string Unsatisfied = CaseOutcomeCodes.Unsatisfied;

    /// <summary>A complaint: a 12345 hotline work order about the grid.</summary>
    public const string Complaint = CaseOutcomeCodes.Complaint;

    /// <summary>三率考核得分 — a grid's composite three-rates score for a period, quantity 0–100.</summary>
    public const string ThreeRatesScore = CaseOutcomeCodes.ThreeRatesScore;

    /// <summary>A supervision finding.</summary>
    public const string SupervisionFinding = CaseOutcomeCodes.SupervisionFinding;

    /// <summary>A serious supervision finding.</summary>
    public const string SeriousSupervisionFinding = CaseOutcomeCodes.SeriousSupervisionFinding;
}
