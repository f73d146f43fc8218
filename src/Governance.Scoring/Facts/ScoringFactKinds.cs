using Governance.Outcomes;

namespace Governance.Scoring.Facts;

/// <summary>事实类别 — the fact codes the default rule sets score. Workflow's case facts use the same SLA, feedback, complaint and supervision codes.</summary>
public static class ScoringFactKinds
{
    /// <summary>楼长会议 — attended a building-head meeting.</summary>
    public const string Meeting = "meeting";

    /// <summary>居民纳言献策本 — an entry in the residents' suggestion book.</summary>
    public const string SuggestionBook = "suggestion-book";

    /// <summary>志愿服务 — volunteer service, quantity in hours.</summary>
    public const string VolunteerService = "volunteer-service";

    /// <summary>化解矛盾纠纷 — a dispute mediated.</summary>
    public const string Mediation = "mediation";

    /// <summary>入户走访 — a home visit made.</summary>
    public const string Visit = "visit";

    /// <summary>A case step completed on time.</summary>
    public const string StepMet = CaseOutcomeCodes.StepMet;

    /// <summary>A case step completed late.</summary>
    public const string StepMetLate = CaseOutcomeCodes.StepMetLate;

    /// <summary>A case step breached.</summary>
    public const string StepBreached = CaseOutcomeCodes.StepBreached;

    /// <summary>满意 feedback.</summary>
    public const string Satisfied = CaseOutcomeCodes.Satisfied;

    /// <summary>基本满意 feedback.</summary>
    public const string MostlySatisfied = CaseOutcomeCodes.MostlySatisfied;

    /// <summary>不满意 feedback (a reopening).</summary>
    public const string Unsatisfied = CaseOutcomeCodes.Unsatisfied;

    /// <summary>A complaint (12345 work order).</summary>
    public const string Complaint = CaseOutcomeCodes.Complaint;

    /// <summary>三率考核得分 — a grid's composite three-rates score for a period, quantity 0–100.</summary>
    public const string ThreeRatesScore = CaseOutcomeCodes.ThreeRatesScore;

    /// <summary>A supervision finding.</summary>
    public const string SupervisionFinding = CaseOutcomeCodes.SupervisionFinding;

    /// <summary>A serious supervision finding.</summary>
    public const string SeriousSupervisionFinding = CaseOutcomeCodes.SeriousSupervisionFinding;

    /// <summary>民主评议 — a democratic-appraisal score, quantity 0–100.</summary>
    public const string DemocraticAppraisal = "appraisal";

    /// <summary>Every code above: the fact codes a rule file may name without declaring them.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Meeting,
        SuggestionBook,
        VolunteerService,
        Mediation,
        Visit,
        StepMet,
        StepMetLate,
        StepBreached,
        Satisfied,
        MostlySatisfied,
        Unsatisfied,
        Complaint,
        ThreeRatesScore,
        SupervisionFinding,
        SeriousSupervisionFinding,
        DemocraticAppraisal,
    };
}
