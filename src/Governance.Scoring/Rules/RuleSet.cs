using Governance.People;
using Governance.Resources;
using Governance.Scoring.Facts;
using Governance.Validation;

namespace Governance.Scoring.Rules;

/// <summary>
/// 积分规则集 — the rules for one or more roles. Versions of one rule id must not overlap in time.
/// </summary>
/// <remarks>
/// <para><see cref="BuildingHeadDefaults"/> (楼长, modelled on 楚润社区's 基础积分 + 正向加分, seed 004): building-head
/// meeting 2 points each (base, at most 8 a month); suggestion-book entry 1 point (bonus, at most 5 a month); volunteer
/// service 1 point an hour (bonus, at most 10 a month); a dispute mediated 3 points (bonus).</para>
/// <para><see cref="GridWorkerDefaults"/> (网格员, on the closed loop's time limits): a step on time +1 (at most 40 a
/// month), late −1, breached −3; feedback 满意 +2, 基本满意 +1, 不满意 −2; a complaint −2; a supervision finding −2, a
/// serious one −5; a visit +0.5 (at most 20 a month); democratic appraisal 0.2 per point (at most 20 a quarter).</para>
/// <para>The numbers are starting points for a district to tune, not the seeds' (the reports give no values).</para>
/// </remarks>
public sealed class RuleSet
{
    private readonly Dictionary<string, ScoringRule[]> _byFactKind;

    /// <summary>Creates a rule set.</summary>
    /// <param name="name">Its name.</param>
    /// <param name="rules">The rules.</param>
    /// <exception cref="ValidationFailedException">Two versions of a rule overlap in time.</exception>
    public RuleSet(string name, IEnumerable<ScoringRule> rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rules);
        Name = name;
        Rules = rules.ToArray();
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i] is null)
            {
                throw new ArgumentException(ScoringMessages.Format("RuleSetNoRulePositionNull", name, i), nameof(rules));
            }
        }

        // Versions of one rule (id and role) must not overlap: sorted by start, each must begin after the latest end so far.
        // O(n log n), so a city's rule history (hundreds of thousands of versions) is checked in well under a second.
        var errors = new List<(int At, ValidationError Error)>();
        var order = new int[Rules.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var all = Rules;
        Array.Sort(order, (a, b) =>
        {
            var byId = string.CompareOrdinal(all[a].Id, all[b].Id);
            return byId != 0 ? byId
                : all[a].Role != all[b].Role ? all[a].Role.CompareTo(all[b].Role)
                : all[a].Effective.Start != all[b].Effective.Start ? all[a].Effective.Start.CompareTo(all[b].Effective.Start)
                : a.CompareTo(b);
        });
        var latest = -1;
        for (var k = 0; k < order.Length; k++)
        {
            var i = order[k];
            var sameRule = latest >= 0 && all[latest].Id == all[i].Id && all[latest].Role == all[i].Role;
            if (sameRule && all[i].Effective.Start <= all[latest].Effective.End)
            {
                var (later, earlier) = i > latest ? (i, latest) : (latest, i);
                errors.Add((later, new ValidationError($"$.rules[{later}]", ScoringMessages.Format("RuleOverlapsVersionRulesVersionsRule", all[later].Id, earlier, all[earlier].Effective))));
            }

            if (!sameRule || all[i].Effective.End > all[latest].Effective.End)
            {
                latest = i;
            }
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(ScoringMessages.Text("RuleSet"), errors.OrderBy(e => e.At).Select(e => e.Error).ToArray());
        }

        _byFactKind = Rules.GroupBy(r => r.FactKind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Its name.</summary>
    public string Name { get; }

    /// <summary>The rules.</summary>
    public IReadOnlyList<ScoringRule> Rules { get; }

    internal ScoringRule[] RulesFor(string factKind) => _byFactKind.TryGetValue(factKind, out var rules) ? rules : [];

    /// <summary>楼长积分 — the building-head defaults described in the remarks.</summary>
    public static RuleSet BuildingHeadDefaults { get; } = new("楼长积分（默认）",
    [
        new("bh.meeting", "参加楼长会议", "Building-head meeting attended", Role.BuildingHead, RuleKind.Base, ScoringFactKinds.Meeting, 2, 8),
        new("bh.suggestion", "填写居民纳言献策本", "Suggestion-book entry", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.SuggestionBook, 1, 5),
        new("bh.volunteer", "参与社区志愿服务（每小时）", "Volunteer service (per hour)", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.VolunteerService, 1, 10),
        new("bh.mediation", "化解矛盾纠纷", "Dispute mediated", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.Mediation, 3),
    ]);

    /// <summary>网格员考核 — the grid-worker defaults described in the remarks.</summary>
    public static RuleSet GridWorkerDefaults { get; } = new("网格员考核（默认）",
    [
        new("gw.step-met", "环节按时完成", "Step on time", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.StepMet, 1, 40),
        new("gw.step-late", "环节超时完成", "Step late", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.StepMetLate, 1),
        new("gw.step-breached", "环节超时未完成", "Step breached", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.StepBreached, 3),
        new("gw.satisfied", "群众满意", "Resident satisfied", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.Satisfied, 2),
        new("gw.mostly-satisfied", "群众基本满意", "Resident mostly satisfied", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.MostlySatisfied, 1),
        new("gw.unsatisfied", "群众不满意（重办）", "Resident unsatisfied (reopened)", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.Unsatisfied, 2),
        new("gw.complaint", "12345投诉", "12345 complaint", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.Complaint, 2),
        new("gw.finding", "督导发现问题", "Supervision finding", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.SupervisionFinding, 2),
        new("gw.finding-serious", "督导发现严重问题", "Serious supervision finding", Role.GridWorker, RuleKind.Deduction, ScoringFactKinds.SeriousSupervisionFinding, 5),
        new("gw.visit", "入户走访", "Home visit", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.Visit, 0.5m, 20),
        new("gw.appraisal", "民主评议", "Democratic appraisal", Role.GridWorker, RuleKind.Base, ScoringFactKinds.DemocraticAppraisal, 0.2m, 20, CapPeriod.Quarter),
        new("gw.three-rates", "三率考核得分", "Three-rates score", Role.GridWorker, RuleKind.Base, ScoringFactKinds.ThreeRatesScore, 0.2m, 20, CapPeriod.Quarter),
    ]);
}
