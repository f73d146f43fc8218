using FsCheck.Xunit;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rankings;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;
using Governance.Validation;
using static Governance.Tests.Arbitraries;

namespace Governance.Tests;

public class ScoringTests
{
    private static readonly ScoringPeriod Q1 = ScoringPeriod.Quarter(2026, 1);

    /// <summary>Both default rule sets as one, scored for both roles.</summary>
    private static readonly RuleSet Everything = new("all", RuleSet.BuildingHeadDefaults.Rules.Concat(RuleSet.GridWorkerDefaults.Rules.Where(r => r.CapPer == CapPeriod.Month))
        .Select(r => new ScoringRule(r.Id, r.NameZh, r.NameEn, Role.BuildingHead, r.Kind, r.FactKind, r.PointsPerUnit, r.Cap, r.CapPer, r.Effective)));

    private static IReadOnlyList<PersonScore> Score(IEnumerable<ScoringFact> facts, ScoringPeriod? period = null) =>
        Scorer.Score(Everything, Role.BuildingHead, facts, period ?? ScoringPeriod.CalendarYear(2026));

    private static ScoringFact Fact(string id, string person, LocalDate date, string kind, decimal quantity = 1) => new(id, person, date, kind, quantity);

    [Fact]
    public void A_rule_set_with_a_null_rule_is_an_argument_error_naming_its_position() =>
        Assert.Contains("position 1", Assert.Throws<ArgumentException>(() => new RuleSet("x", [RuleSet.GridWorkerDefaults.Rules[0], null!])).Message, StringComparison.Ordinal);

    [Fact]
    public void A_building_heads_month_is_explained_line_by_line_with_the_cap()
    {
        var march = new LocalDate(2026, 3, 1);
        var facts = Enumerable.Range(0, 5).Select(i => Fact($"m{i}", "BH1", march.PlusDays(i * 5), ScoringFactKinds.Meeting))
            .Append(Fact("v1", "BH1", march.PlusDays(3), ScoringFactKinds.VolunteerService, 2.5m))
            .Append(Fact("d1", "BH1", march.PlusDays(9), ScoringFactKinds.Mediation));
        var score = Assert.Single(Scorer.Score(RuleSet.BuildingHeadDefaults, Role.BuildingHead, facts, ScoringPeriod.Month(2026, 3)));

        var meetings = score.Lines.Single(l => l.RuleId == "bh.meeting");
        Assert.Equal(10m, meetings.RawPoints);
        Assert.Equal(8m, meetings.Points);
        Assert.True(meetings.CapApplied);
        Assert.Equal(5, meetings.FactIds.Count);
        Assert.Equal(2.5m, score.Lines.Single(l => l.RuleId == "bh.volunteer").Points);
        Assert.Equal(13.5m, score.Total);
        Assert.Equal(8m, score.BasePoints);
        Assert.Equal(5.5m, score.BonusPoints);
    }

    [Fact]
    public void A_rule_changed_on_1_July_scores_June_and_July_facts_differently()
    {
        var rules = new RuleSet("changed",
        [
            new("bh.meeting", "参加楼长会议", "Meeting", Role.BuildingHead, RuleKind.Base, ScoringFactKinds.Meeting, 2, effective: new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 6, 30))),
            new("bh.meeting", "参加楼长会议", "Meeting", Role.BuildingHead, RuleKind.Base, ScoringFactKinds.Meeting, 3, effective: new DateInterval(new LocalDate(2026, 7, 1), new LocalDate(2026, 12, 31))),
        ]);
        var facts = new[] { Fact("june", "BH1", new LocalDate(2026, 6, 30), ScoringFactKinds.Meeting), Fact("july", "BH1", new LocalDate(2026, 7, 1), ScoringFactKinds.Meeting) };
        Assert.Equal(2m, Scorer.Score(rules, Role.BuildingHead, facts, ScoringPeriod.Month(2026, 6)).Single().Total);
        Assert.Equal(3m, Scorer.Score(rules, Role.BuildingHead, facts, ScoringPeriod.Month(2026, 7)).Single().Total);
        Assert.Equal(5m, Scorer.Score(rules, Role.BuildingHead, facts, ScoringPeriod.CalendarYear(2026)).Single().Total);

        var overlap = Assert.Throws<ValidationFailedException>(() => new RuleSet("bad", [rules.Rules[0], rules.Rules[0] with { }]));
        Assert.Equal("$.rules[1]", overlap.Errors.Single().Path);
    }

    [Fact]
    public void A_grid_workers_appraisal_is_capped_per_quarter_not_per_month()
    {
        var facts = new[] { 1, 2, 3 }.Select(m => Fact($"a{m}", "GW1", new LocalDate(2026, m, 15), ScoringFactKinds.DemocraticAppraisal, 90));
        var quarter = Scorer.Score(RuleSet.GridWorkerDefaults, Role.GridWorker, facts, Q1).Single();
        var line = Assert.Single(quarter.Lines);
        Assert.Equal(ScoringPeriod.Quarter(2026, 1), line.Period);
        Assert.Equal(54m, line.RawPoints);
        Assert.Equal(20m, quarter.Total);
    }

    [Fact]
    public void The_annual_evaluation_in_July_scores_the_previous_calendar_year()
    {
        var period = ScoringPeriod.AnnualEvaluation(2026);
        Assert.Equal(new DateInterval(new LocalDate(2025, 1, 1), new LocalDate(2025, 12, 31)), period.Dates);
        Assert.Equal(4, period.Quarters.Count());
        Assert.Equal(12, period.Months.Count());
    }

    [Fact]
    public void Conflicting_facts_about_one_person_with_one_id_are_rejected_with_the_id()
    {
        var facts = new[] { Fact("x", "BH1", new LocalDate(2026, 3, 1), ScoringFactKinds.Meeting), Fact("x", "BH1", new LocalDate(2026, 3, 2), ScoringFactKinds.Meeting) };
        var e = Assert.Throws<ArgumentException>(() => Score(facts));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_load_from_json_and_a_bad_file_reports_every_error_with_its_path()
    {
        var rules = RuleSetJson.Parse("""
            { "name": "楚润社区", "rules": [
              { "id": "m", "nameZh": "会议", "nameEn": "Meeting", "role": "BuildingHead", "kind": "Base", "fact": "meeting", "points": 2, "cap": 6, "from": "2026-07-01" } ] }
            """);
        var rule = Assert.Single(rules.Rules);
        Assert.Equal(6m, rule.Cap);
        Assert.Equal(new LocalDate(2026, 7, 1), rule.Effective.Start);

        var e = Assert.Throws<ValidationFailedException>(() => RuleSetJson.Parse("""
            { "name": "x", "rules": [ { "id": "m", "nameZh": "会议", "role": "Mayor", "kind": "Base", "fact": "meeting", "points": -1 }, 7 ] }
            """));
        Assert.Equal(["$.rules[0].nameEn", "$.rules[0].role", "$.rules[0].points", "$.rules[1]"], e.Errors.Select(x => x.Path));
    }

    [Property(MaxTest = 200)]
    public Property The_total_is_the_sum_of_its_line_items_and_no_cap_is_exceeded() =>
        Prop.ForAll(Facts.ToArbitrary(), facts => Score(facts).All(s =>
            s.Total == s.Lines.Sum(l => l.Points)
            && s.Lines.All(l => Everything.Rules.Single(r => r.Id == l.RuleId).Cap is not { } cap || Math.Abs(l.Points) <= cap)
            && s.Lines.All(l => l.FactIds.Count > 0)));

    [Property(MaxTest = 200)]
    public Property The_order_of_facts_and_duplicates_change_nothing() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (facts, seed) =>
        {
            var once = Score(facts);
            var shuffledWithRepeats = Shuffle(facts.Concat(facts.Where((_, i) => i % 3 == 0)).ToArray(), seed);
            var again = Score(shuffledWithRepeats);
            return once.Count == again.Count && once.Zip(again).All(p => p.First.Person == p.Second.Person && p.First.Total == p.Second.Total
                && p.First.Lines.Select(l => (l.RuleId, l.Period, l.Points, string.Join(",", l.FactIds))).SequenceEqual(p.Second.Lines.Select(l => (l.RuleId, l.Period, l.Points, string.Join(",", l.FactIds)))));
        });

    [Property(MaxTest = 200)]
    public Property A_bonus_fact_never_lowers_a_total() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Zip(Gen.Choose(1, 6), Gen.Choose(0, 364)).ToArbitrary(), Gen.Elements(ScoringFactKinds.SuggestionBook, ScoringFactKinds.Mediation, ScoringFactKinds.Satisfied, ScoringFactKinds.Visit).ToArbitrary(),
            (facts, personDay, kind) =>
            {
                var (person, day) = personDay;
                var who = (Id<Person>)$"P{person}";
                var before = Score(facts).SingleOrDefault(s => s.Person == who)?.Total ?? 0;
                var after = Score(facts.Append(Fact("bonus", who.Value, new LocalDate(2026, 1, 1).PlusDays(day), kind))).Single(s => s.Person == who).Total;
                return after >= before;
            });

    [Property(MaxTest = 200)]
    public Property A_quarter_is_the_sum_of_its_months_and_a_year_the_sum_of_its_quarters() =>
        Prop.ForAll(Facts.ToArbitrary(), facts =>
        {
            decimal Total(ScoringPeriod p, Id<Person> who) => Score(facts, p).SingleOrDefault(s => s.Person == who)?.Total ?? 0;
            var year = ScoringPeriod.CalendarYear(2026);
            return facts.Select(f => f.Person).Distinct().All(who =>
                year.Quarters.All(q => Total(q, who) == q.Months.Sum(m => Total(m, who)))
                && Total(year, who) == year.Quarters.Sum(q => Total(q, who)));
        });

    [Property(MaxTest = 200)]
    public Property Ranking_is_deterministic_under_shuffling() =>
        Prop.ForAll(Facts.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (facts, seed) =>
        {
            var scores = Score(facts).ToArray();
            var a = Ranking.Rank(scores).Select(r => r.Score.Person);
            var b = Ranking.Rank(Shuffle(scores, seed)).Select(r => r.Score.Person);
            return a.SequenceEqual(b);
        });
}
