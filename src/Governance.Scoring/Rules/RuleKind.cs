namespace Governance.Scoring.Rules;

/// <summary>计分类别 — how a rule's points count.</summary>
public enum RuleKind
{
    /// <summary>基础积分 — base points for the duties of the role.</summary>
    Base,

    /// <summary>正向加分 — bonus points.</summary>
    Bonus,

    /// <summary>扣分 — a deduction.</summary>
    Deduction,
}
