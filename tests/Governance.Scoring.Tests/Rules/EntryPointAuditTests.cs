using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;
using Governance.Scoring.Selection;
using Governance.Testing;
using Xunit.Abstractions;

namespace Governance.Tests.Scoring;

/// <summary>
/// The entry-point audit for scoring: rules, rule sets, periods, facts, the scorer, selections and votes fed the edge
/// values. Each answer is a typed error or a sensible result (scores within the rules' bounds, a period inside its year);
/// never a raw exception, nonsense or a hang.
/// </summary>
public class EntryPointAuditTests(ITestOutputHelper output)
{
    private static ScoringRule Rule(string id = "r1", decimal points = 2m, decimal? cap = null) =>
        new(id, "走访", "Visit", Role.GridWorker, RuleKind.Bonus, "visit", points, cap);

    [Fact]
    public void Every_edge_value_gets_a_typed_error_or_a_sensible_answer()
    {
        var audit = new EntryPointAudit();
        foreach (var points in BadValues.Decimals)
        {
            audit.Sensible($"a rule of {points} points a unit", () => Rule(points: points).PointsPerUnit == points && points > 0 && points <= ScoringRule.MaxPointsPerUnit);
            audit.Sensible($"a rule capped at {points}", () => Rule(cap: points).Cap == points && points > 0 && points <= ScoringRule.MaxCap);
        }

        foreach (var text in BadValues.Texts)
        {
            audit.Sensible($"a rule with id {Short(text)}", () => !string.IsNullOrWhiteSpace(Rule(id: text!).Id));
            audit.Sensible($"a rule set named {Short(text)}", () => !string.IsNullOrWhiteSpace(new RuleSet(text!, [Rule()]).Name));
            audit.Sensible($"scoring a fact of kind {Short(text)}", () => Scorer.Score(RulesFor(text), Role.GridWorker, [new ScoringFact("f", "P1", new LocalDate(2026, 2, 1), text!)], ScoringPeriod.Quarter(2026, 1)) is { } scores && !string.IsNullOrWhiteSpace(text));
            audit.Sensible($"scoring a fact with id {Short(text)}", () => Scorer.Score(RulesFor("visit"), Role.GridWorker, [new ScoringFact(text!, "P1", new LocalDate(2026, 2, 1), "visit")], ScoringPeriod.Quarter(2026, 1)) is { } scores && !string.IsNullOrWhiteSpace(text));
        }

        audit.Refused("a rule of an undefined role", () => new ScoringRule("r", "甲", "A", (Role)99, RuleKind.Bonus, "visit", 1m));
        audit.Refused("a rule of an undefined kind", () => new ScoringRule("r", "甲", "A", Role.GridWorker, (RuleKind)99, "visit", 1m));
        audit.Refused("a rule capped per an undefined period", () => new ScoringRule("r", "甲", "A", Role.GridWorker, RuleKind.Bonus, "visit", 1m, 5m, (CapPeriod)99));
        audit.Refused("a rule set with a null rule", () => new RuleSet("x", [null!]));
        audit.Refused("a rule set with one rule twice", () => new RuleSet("x", [Rule(), Rule()]));
        foreach (var first in BadValues.Dates)
        {
            audit.RefusedOrAccepted($"a rule effective from {first}", () => new ScoringRule("r", "甲", "A", Role.GridWorker, RuleKind.Bonus, "visit", 1m, effective: new DateInterval(first, first)));
        }

        foreach (var year in BadValues.Ints)
        {
            foreach (var part in new[] { int.MinValue, 0, 1, 4, 5, 12, 13, int.MaxValue })
            {
                audit.Sensible($"Quarter({year}, {part})", () => ScoringPeriod.Quarter(year, part).Year == year && part is >= 1 and <= 4);
                audit.Sensible($"Month({year}, {part})", () => ScoringPeriod.Month(year, part).Year == year && part is >= 1 and <= 12);
            }

            audit.Sensible($"CalendarYear({year})", () => ScoringPeriod.CalendarYear(year).Year == year && year is >= ScoringPeriod.MinYear and <= ScoringPeriod.MaxYear);
            audit.RefusedOrAccepted($"AnnualEvaluation({year})", () => ScoringPeriod.AnnualEvaluation(year));
        }

        // The scorer with facts at the edges: a score is the sum of bounded lines, never an overflow.
        var rules = new RuleSet("x", [Rule(points: ScoringRule.MaxPointsPerUnit)]);
        var period = ScoringPeriod.Quarter(2026, 1);
        foreach (var quantity in BadValues.Decimals)
        {
            audit.Sensible($"scoring a fact of quantity {quantity}", () =>
                Scorer.Score(rules, Role.GridWorker, [new ScoringFact("f", "P1", new LocalDate(2026, 2, 1), "visit", quantity)], period).All(s => s.Lines.All(l => l.Points >= 0)));
        }

        foreach (var date in BadValues.Dates)
        {
            audit.RefusedOrAccepted($"scoring a fact dated {date}", () => Scorer.Score(rules, Role.GridWorker, [new ScoringFact("f", "P1", date, "visit")], period));
        }

        audit.Refused("scoring with a null fact", () => Scorer.Score(rules, Role.GridWorker, [null!], period));
        audit.Refused("scoring two different facts with one id about one person", () => Scorer.Score(rules, Role.GridWorker, [new ScoringFact("f", "P1", new LocalDate(2026, 2, 1), "visit"), new ScoringFact("f", "P1", new LocalDate(2026, 2, 2), "visit")], period));

        // Selections and votes.
        foreach (var seats in BadValues.Ints)
        {
            audit.Sensible($"selecting with a quota of {seats} seats", () => ExcellenceSelection.Select(["P1", "P2"], [new SelectionQuota("楼长", seats)], _ => PersonAttributes.None).Selected.Count <= 2 && seats >= 1);
            audit.Sensible($"a vote of {seats} choices", () => new ExcellenceVote(period, ["V1"], ["C1"], seats) is not null && seats >= 1);
        }

        var vote = new ExcellenceVote(period, ["V1", "V2"], ["C1", "C2"], 1);
        vote.Cast("V1", ["C1"]);
        audit.Refused("a vote by someone not eligible", () => vote.Cast("V9", ["C1"]));
        audit.Refused("a vote for someone not a candidate", () => vote.Cast("V2", ["C9"]));
        audit.Refused("a vote for too many", () => vote.Cast("V2", ["C1", "C2"]));
        audit.Refused("a second vote", () => vote.Cast("V1", ["C2"]));
        audit.Refused("a vote for one person twice", () => new ExcellenceVote(period, ["V1"], ["C1", "C2"], 2).Cast("V1", ["C1", "C1"]));

        var table = audit.Table;
        output.WriteLine(table.ToString());
        Assert.True(table.Clean, table.Report);
    }

    // A rule set whose rule scores facts of the kind (a blank kind cannot make a rule: then any valid rule set).
    private static RuleSet RulesFor(string? kind) =>
        new("x", [new ScoringRule("r1", "走访", "Visit", Role.GridWorker, RuleKind.Bonus, string.IsNullOrWhiteSpace(kind) ? "visit" : kind, 1m)]);

    private static string Short(string? text) => text is null ? "null" : $"'{text[..Math.Min(text.Length, 8)]}'";
}
