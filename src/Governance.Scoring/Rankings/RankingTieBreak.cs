namespace Governance.Scoring.Rankings;

/// <summary>并列规则 — how equal totals are ordered; the person id (ordinal) always decides last, so a ranking is total and deterministic.</summary>
public enum RankingTieBreak
{
    /// <summary>More bonus points first.</summary>
    MoreBonusPoints,

    /// <summary>Fewer points deducted first.</summary>
    FewerDeductions,

    /// <summary>More base points first.</summary>
    MoreBasePoints,
}
