using FsCheck.Xunit;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;

namespace Governance.Tests;

/// <summary>The scorer against a plain LINQ reference model, line by line.</summary>
public class ScorerModelTests
{
    private static readonly DateInterval FirstHalf = new(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30));
    private static readonly DateInterval SecondHalf = new(new LocalDate(2026, 7, 1), new LocalDate(2026, 12, 31));

    /// <summary>Two versions of one rule, two rules on one fact kind, a quarter cap, a deduction, fractional points and a rule for another role.</summary>
    private static readonly RuleSet Rules = new("model",
    [
        new("m", "会议", "Meeting", Role.BuildingHead, RuleKind.Base, ScoringFactKinds.Meeting, 2, 8, effective: FirstHalf),
        new("m", "会议", "Meeting", Role.BuildingHead, RuleKind.Base, ScoringFactKinds.Meeting, 3, 8, effective: SecondHalf),
        new("a-extra", "会议加分", "Meeting bonus", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.Meeting, 1),
        new("v", "志愿服务", "Volunteer service", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.VolunteerService, 0.5m, 10, CapPeriod.Quarter),
        new("c", "投诉", "Complaint", Role.BuildingHead, RuleKind.Deduction, ScoringFactKinds.Complaint, 2),
        new("s", "纳言献策", "Suggestion", Role.BuildingHead, RuleKind.Bonus, ScoringFactKinds.SuggestionBook, 1.5m, 4),
        new("g", "走访", "Visit", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.Visit, 1),
    ]);

    private static readonly Gen<ScoringFact[]> Facts =
        Gen.ArrayOf(
            from person in Gen.Choose(1, 5)
            from day in Gen.Choose(-20, 384)
            from kind in Gen.Elements(ScoringFactKinds.Meeting, ScoringFactKinds.VolunteerService, ScoringFactKinds.Complaint, ScoringFactKinds.SuggestionBook, ScoringFactKinds.Visit, "other")
            from quarterUnits in Gen.Choose(0, 20)
            from repeats in Gen.Frequency((4, Gen.Constant(1)), (1, Gen.Choose(2, 3)))
            select (person, day, kind, quantity: quarterUnits / 4m, repeats))
        .Select(items => items
            .SelectMany((x, i) => Enumerable.Repeat(new ScoringFact($"F{i:D3}", (Id<Person>)$"P{x.person}", new LocalDate(2026, 1, 1).PlusDays(x.day), x.kind, x.quantity), x.repeats))
            .ToArray());

    private static readonly Gen<ScoringPeriod> Periods = Gen.OneOf(
        Gen.Choose(1, 12).Select(m => ScoringPeriod.Month(2026, m)),
        Gen.Choose(1, 4).Select(q => ScoringPeriod.Quarter(2026, q)),
        Gen.Constant(ScoringPeriod.CalendarYear(2026)));

    [Property(MaxTest = 300)]
    public Property Every_score_and_line_equals_the_reference_model() =>
        Prop.ForAll(Facts.ToArbitrary(), Periods.ToArbitrary(), (facts, period) =>
        {
            var actual = Scorer.Score(Rules, Role.BuildingHead, facts, period)
                .Select(s => (s.Person.Value, s.Total, Lines: s.Lines.Select(Describe).ToArray()))
                .ToArray();
            var expected = Model(facts, period);
            return actual.Length == expected.Length
                && actual.Zip(expected).All(p => p.First.Value == p.Second.Person && p.First.Total == p.Second.Total && p.First.Lines.SequenceEqual(p.Second.Lines));
        });

    [Property(MaxTest = 100)]
    public Property Lines_of_two_scorings_of_the_same_facts_are_equal_values() =>
        Prop.ForAll(Facts.ToArbitrary(), Periods.ToArbitrary(), (facts, period) =>
        {
            var once = Scorer.Score(Rules, Role.BuildingHead, facts, period).SelectMany(s => s.Lines).ToArray();
            var again = Scorer.Score(Rules, Role.BuildingHead, facts.Reverse(), period).SelectMany(s => s.Lines).ToArray();
            return once.SequenceEqual(again)
                && once.Zip(again).All(p => p.First.GetHashCode() == p.Second.GetHashCode())
                && once.All(l => l.Facts.Select(f => f.Id).SequenceEqual(l.FactIds));
        });

    [Fact]
    public void A_default_line_is_not_a_line()
    {
        var line = default(ScoreLine);
        Assert.Throws<InvalidOperationException>(() => line.RuleId);
        Assert.Equal("(no line)", line.ToString());
        Assert.Equal(default(ScoreLine), line);
    }

    [Fact]
    public void A_line_reads_as_text_and_the_facts_it_counted_outlive_the_callers_list()
    {
        var facts = Enumerable.Range(0, 5).Select(i => new ScoringFact($"m{i}", "BH1", new LocalDate(2026, 3, 1 + i), ScoringFactKinds.Meeting)).ToList();
        var line = Scorer.Score(Rules, Role.BuildingHead, facts, ScoringPeriod.Month(2026, 3)).Single().Lines.Single(l => l.RuleId == "m");
        facts.Clear();

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], line.FactIds);
        Assert.Equal(new LocalDate(2026, 3, 5), line.Facts[4].Date);
        Assert.Equal("2026-03 m 会议: 5 facts, 5 units → 8 (capped from 10)", line.ToString());
    }

    [Fact]
    public void A_fact_dated_in_another_calendar_is_rejected_with_its_id()
    {
        var julian = new LocalDate(2026, 3, 1, CalendarSystem.Julian);
        var e = Assert.Throws<ArgumentException>(() => Scorer.Score(Rules, Role.BuildingHead, [new ScoringFact("j1", "BH1", julian, ScoringFactKinds.Meeting)], ScoringPeriod.Month(2026, 3)));
        Assert.Contains("'j1'", e.Message, StringComparison.Ordinal);
        Assert.Equal("facts", e.ParamName);
    }

    private static string Describe(ScoreLine l) => $"{l.Period} {l.RuleId} {l.Units} {l.RawPoints} {l.Points} {l.CapApplied} [{string.Join(",", l.FactIds)}]";

    /// <summary>The scoring rules, written as plainly as possible.</summary>
    private static (string Person, decimal Total, string[] Lines)[] Model(ScoringFact[] facts, ScoringPeriod period)
    {
        var slots = period.Months.Concat(period.Kind == ScoringPeriodKind.Month ? [ScoringPeriod.Quarter(period.Year, ((period.Number - 1) / 3) + 1)] : period.Quarters).ToList();
        var rules = Rules.Rules.Select((rule, index) => (rule, index)).ToArray();
        var lines =
            from fact in facts.Where(f => period.Dates.Contains(f.Date)).Distinct()
            from r in rules
            where r.rule.Role == Role.BuildingHead && r.rule.FactKind == fact.Kind && r.rule.Effective.Contains(fact.Date)
            let linePeriod = r.rule.CapPer == CapPeriod.Quarter ? ScoringPeriod.Quarter(fact.Date.Year, ((fact.Date.Month - 1) / 3) + 1) : ScoringPeriod.Month(fact.Date.Year, fact.Date.Month)
            group fact by (Person: fact.Person.Value, r.index, linePeriod) into g
            let rule = Rules.Rules[g.Key.index]
            let units = g.Sum(f => f.Quantity)
            let raw = units * rule.PointsPerUnit
            let capped = rule.Cap is { } cap && raw > cap ? cap : raw
            select (g.Key.Person, Slot: slots.IndexOf(g.Key.linePeriod), rule.Id, g.Key.index, Points: capped * rule.Sign,
                Text: $"{g.Key.linePeriod} {rule.Id} {units} {raw} {capped * rule.Sign} {capped < raw} [{string.Join(",", g.Select(f => f.Id).Order(StringComparer.Ordinal))}]");
        return lines.GroupBy(l => l.Person)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(l => l.Points), g.OrderBy(l => l.Slot).ThenBy(l => l.Id, StringComparer.Ordinal).ThenBy(l => l.index).Select(l => l.Text).ToArray()))
            .ToArray();
    }
}
