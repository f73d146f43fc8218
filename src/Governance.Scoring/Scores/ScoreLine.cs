using Governance.Scoring.Periods;
using Governance.Scoring.Rules;

namespace Governance.Scoring.Scores;

/// <summary>
/// 计分明细 — one line of an explained score: one rule over one cap period (a month, or a quarter for a rule capped
/// per quarter), the facts it counted, and the points after the cap. A score's total is the sum of its lines.
/// </summary>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleName">The rule's zh-CN name.</param>
/// <param name="Kind">Base, bonus or deduction.</param>
/// <param name="Period">The month or quarter the line covers.</param>
/// <param name="FactIds">The facts counted, ordered by id.</param>
/// <param name="Units">The sum of their quantities.</param>
/// <param name="RawPoints">Units × points per unit, before the cap (not signed).</param>
/// <param name="Points">The points counted: capped, and negative for a deduction.</param>
/// <param name="CapApplied">Whether the cap cut the points.</param>
public sealed record ScoreLine(string RuleId, string RuleName, RuleKind Kind, ScoringPeriod Period, IReadOnlyList<string> FactIds, decimal Units, decimal RawPoints, decimal Points, bool CapApplied);
