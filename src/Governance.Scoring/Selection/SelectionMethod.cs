namespace Governance.Scoring.Selection;

/// <summary>评选方式 — how a published selection was decided.</summary>
public enum SelectionMethod
{
    /// <summary>积分排名 — by the score ranking alone.</summary>
    ScoreRanking,

    /// <summary>全体楼长投票 — by the vote of all building heads (seed 004's quarterly selection).</summary>
    Vote,

    /// <summary>两委推选 — nominated by the community's two committees (seed 004's annual selection).</summary>
    CommitteeNomination,
}
