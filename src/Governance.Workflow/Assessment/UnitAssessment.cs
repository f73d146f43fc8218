namespace Governance.Assessment;

/// <summary>单位考核结果 — one unit's three rates in a period, its composite score, rank and trend.</summary>
/// <param name="Kind">The kind of unit: grid, community, sub-district or department.</param>
/// <param name="UnitId">The unit's id (a department's code).</param>
/// <param name="Name">The unit's name.</param>
/// <param name="Response">响应率: responded in time / assessed cases.</param>
/// <param name="Resolution">解决率: solved / assessed cases.</param>
/// <param name="Satisfaction">满意率: satisfied or mostly satisfied / cases with a satisfaction.</param>
/// <param name="Score">The composite score out of 100 (weights over the rates that have cases); null with no assessed case.</param>
/// <param name="Rank">The rank among the units of its kind (1 is best; equal scores share a rank); null when unscored.</param>
/// <param name="ScoreChange">The change of score against the previous period (环比), when both have one.</param>
public sealed record UnitAssessment(
    AssessedUnitKind Kind, string UnitId, string Name, Rate Response, Rate Resolution, Rate Satisfaction, double? Score, int? Rank, double? ScoreChange)
{
    /// <summary>The work orders of the period this unit returned (退单), counted once per return; they are not in its rates.</summary>
    public int Returns { get; init; }
}
