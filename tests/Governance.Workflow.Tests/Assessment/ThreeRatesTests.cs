using FsCheck.Xunit;
using Governance.Assessment;
using Governance.Calendars;
using Governance.Cases;
using Governance.Organisation;
using Governance.Reports;
using Governance.Sla;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Assessment;

/// <summary>The three rates: exact counts, units adding up to the district, exclusions changing nothing, deterministic ranks.</summary>
public class ThreeRatesTests
{
    private static readonly OrganisationModel JiuLongModel = JiuLong();
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));

    private static readonly Department[] Departments = [Department.Police, Department.LawEnforcement, Department.MarketRegulation, Department.PropertyCompany];

    private static readonly Gen<AssessedCase> Cases =
        from n in Gen.Choose(1, 1_000_000)
        from grid in Gen.Choose(1, 8)
        from day in Gen.Choose(-5, 35)
        from responded in ArbMap.Default.GeneratorFor<bool>()
        from resolved in ArbMap.Default.GeneratorFor<bool>()
        from satisfaction in Gen.Elements<Satisfaction?>(null, Satisfaction.Satisfied, Satisfaction.MostlySatisfied, Satisfaction.Unsatisfied)
        from excluded in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from returners in Gen.Frequency((4, Gen.Constant(Array.Empty<int>())), (1, Gen.ArrayOf(Gen.Choose(1, 8)).Select(a => a.Distinct().Take(3).ToArray())))
        from departments in Gen.SubListOf(Departments).Select(l => l.ToArray())
        from onTime in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), 4)
        select new AssessedCase($"E{n}", Grid(grid), new LocalDate(2026, 3, 1).PlusDays(day), responded, resolved, satisfaction, excluded)
        {
            ReturnedBy = returners.Length == 0 ? null : returners.Where(r => r != grid).Select(r => Grid(r)).ToArray(),
            Departments = departments.Length == 0 ? null : departments.Select((d, i) => new DepartmentOutcome(d, onTime[i])).ToArray(),
        };

    private static AssessedCase Case(int n, int grid, bool responded, bool resolved, Satisfaction? satisfaction, bool excluded = false) =>
        new($"E{n}", Grid(grid), new LocalDate(2026, 3, 10), responded, resolved, satisfaction, excluded);

    [Fact]
    public void Each_rate_counts_what_its_definition_says()
    {
        AssessedCase[] cases =
        [
            Case(1, 1, true, true, Satisfaction.Satisfied),
            Case(2, 1, true, false, Satisfaction.Unsatisfied),
            Case(3, 1, false, true, Satisfaction.MostlySatisfied),
            Case(4, 1, true, true, null),
            Case(5, 1, false, false, Satisfaction.Unsatisfied, excluded: true),   // 无效件: in no rate
            Case(6, 2, true, true, Satisfaction.Satisfied),
            new("E7", Grid(1), new LocalDate(2026, 4, 1), false, false, null),   // April: not in March
        ];
        var report = ThreeRates.Assess(cases, March, JiuLongModel);
        var g1 = report.Grids.Single(g => g.UnitId == Grid(1).Value);
        Assert.Equal(new Rate(3, 4), g1.Response);
        Assert.Equal(new Rate(3, 4), g1.Resolution);
        Assert.Equal(new Rate(2, 3), g1.Satisfaction);
        Assert.Equal(100 * ((0.10 * 0.75) + (0.45 * 0.75) + (0.45 * 2 / 3.0)), g1.Score!.Value, 9);
        Assert.Equal(1, report.Excluded);
        Assert.Equal(new Rate(4, 5), report.District.Response);
        Assert.Equal(1, report.Grids.Single(g => g.UnitId == Grid(2).Value).Rank);   // 100 points
        Assert.Equal(2, g1.Rank);
        Assert.All(report.Grids.Where(g => g.Response.Denominator == 0), g => Assert.Null(g.Rank));
        Assert.Equal(new Rate(4, 5), report.Communities.Single().Resolution);   // grid 1's 3 of 4 and grid 2's 1 of 1
    }

    [Property(MaxTest = 200)]
    public Property Rates_lie_in_zero_to_one_and_every_level_adds_up_to_the_district() =>
        Prop.ForAll(Cases.ListOf().ToArbitrary(), cases =>
        {
            var report = ThreeRates.Assess(cases.ToArray(), March, JiuLongModel);
            var all = report.Grids.Concat(report.Communities).Concat(report.SubDistricts).Append(report.District);
            static Rate Sum(IEnumerable<Rate> rates) => rates.Aggregate(default(Rate), (a, b) => a + b);
            return all.Concat(report.Departments).All(u => new[] { u.Response, u.Resolution, u.Satisfaction }.All(r => r.Value is null or >= 0 and <= 1 && r.Numerator <= r.Denominator) && u.Score is null or >= 0 and <= 100)
                && report.Grids.Sum(g => g.Returns) == report.District.Returns
                && new[] { report.Grids, report.Communities, report.SubDistricts }.All(level =>
                    Sum(level.Select(u => u.Response)) == report.District.Response
                    && Sum(level.Select(u => u.Resolution)) == report.District.Resolution
                    && Sum(level.Select(u => u.Satisfaction)) == report.District.Satisfaction);
        });

    [Property(MaxTest = 200)]
    public Property An_excluded_case_changes_no_rate_and_the_order_of_cases_changes_nothing() =>
        Prop.ForAll(Cases.ListOf().ToArbitrary(), Cases.ToArbitrary(), (cases, extra) =>
        {
            var before = ThreeRates.Assess(cases.ToArray(), March, JiuLongModel);
            var after = ThreeRates.Assess(cases.Append(extra with { Excluded = true, ReturnedBy = null }).Reverse().ToArray(), March, JiuLongModel);
            return before.Grids.SequenceEqual(after.Grids) && before.Communities.SequenceEqual(after.Communities) && before.District == after.District
                && before.Departments.OrderBy(d => d.UnitId).SequenceEqual(after.Departments.OrderBy(d => d.UnitId));
        });

    [Fact]
    public void Equal_scores_share_a_rank_the_order_within_is_by_id_and_the_trend_is_against_the_previous_period()
    {
        AssessedCase[] march = [Case(1, 3, true, true, Satisfaction.Satisfied), Case(2, 1, true, true, Satisfaction.Satisfied), Case(3, 2, false, false, Satisfaction.Unsatisfied)];
        var report = ThreeRates.Assess(march, March, JiuLongModel);
        Assert.Equal([(Grid(1).Value, 1), (Grid(3).Value, 1), (Grid(2).Value, 3)], report.Grids.Take(3).Select(g => (g.UnitId, g.Rank!.Value)));

        var april = new DateInterval(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));
        AssessedCase[] next = [Case(4, 2, true, true, Satisfaction.Satisfied) with { Date = new LocalDate(2026, 4, 2) }];
        var trend = ThreeRates.Assess(next, april, JiuLongModel, previous: report);
        Assert.Equal(100.0, trend.Grids.Single(g => g.UnitId == Grid(2).Value).ScoreChange!.Value, 9);
        Assert.Null(trend.Grids.Single(g => g.UnitId == Grid(1).Value).ScoreChange);   // no case in April
        Assert.Equal(trend.District.Score - report.District.Score, trend.District.ScoreChange);   // the district's own trend
    }

    [Fact]
    public void A_department_is_assessed_on_the_cases_it_was_summoned_to_and_grid_scores_feed_grid_workers_scoring()
    {
        AssessedCase[] cases =
        [
            Case(1, 1, true, true, Satisfaction.Satisfied) with { Departments = [new(Department.Police, true), new(Department.PropertyCompany, false)] },
            Case(2, 2, true, false, Satisfaction.Unsatisfied) with { Departments = [new(Department.Police, false)] },
            Case(3, 2, true, true, null) with { Departments = [new(Department.Police, true)], Excluded = true },   // excluded: counts for no one
        ];
        var report = ThreeRates.Assess(cases, March, JiuLongModel);
        var police = report.Departments.Single(d => d.UnitId == Department.Police.Code);
        var property = report.Departments.Single(d => d.UnitId == Department.PropertyCompany.Code);
        Assert.Equal((AssessedUnitKind.Department, new Rate(1, 2), new Rate(1, 2), new Rate(1, 2)), (police.Kind, police.Response, police.Resolution, police.Satisfaction));
        Assert.Equal((new Rate(0, 1), new Rate(1, 1)), (property.Response, property.Resolution));
        Assert.Same(report.Departments, report.Units(AssessedUnitKind.Department));
        Assert.Equal(new Rate(2, 2), report.District.Response);   // departments are outside the district's sums

        var facts = CaseFacts.From(report, JiuLongModel).ToList();
        Assert.Equal(2, facts.Count);   // grids 1 and 2 are scored, one grid worker each
        var g1 = facts.Single(f => f.Grid == Grid(1));
        Assert.Equal((GridWorker(1), CaseFactKinds.ThreeRatesScore, (int)Math.Round(report.Grids.Single(g => g.UnitId == Grid(1).Value).Score!.Value), March.End), (g1.Person, g1.Kind, g1.Quantity, g1.Date));
        Assert.Equal(facts.Select(f => f.Id).Distinct().Count(), facts.Count);
    }

    [Fact]
    public void Weights_are_configurable_and_checked_and_an_unknown_grid_is_refused()
    {
        AssessedCase[] cases = [Case(1, 1, false, true, Satisfaction.Satisfied)];
        Assert.Equal(100.0, ThreeRates.Assess(cases, March, JiuLongModel, new RateWeights(0, 1, 1)).Grids[0].Score!.Value, 9);
        Assert.Equal(0.0, ThreeRates.Assess(cases, March, JiuLongModel, new RateWeights(1, 0, 0)).District.Score!.Value, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreeRates.Assess(cases, March, JiuLongModel, new RateWeights(-1, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreeRates.Assess(cases, March, JiuLongModel, new RateWeights(0, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreeRates.Assess(cases, March, JiuLongModel, new RateWeights(double.NaN, 1, 1)));
        Assert.Throws<ArgumentException>(() => ThreeRates.Assess([new AssessedCase("X", "NO-GRID", new LocalDate(2026, 3, 2), true, true, null)], March, JiuLongModel));
    }

    [Fact]
    public void A_case_is_assessed_from_its_history_and_its_sla()
    {
        var workflow = new CaseWorkflow(JiuLongModel, slaPolicies: SlaPolicySet.Default);
        var sla = new SlaEngine(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, ChinaCalendar.TimeZone));
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", t0));
        c.Respond(GridWorker(1), t0 + Duration.FromMinutes(10));
        c.Claim(GridWorker(1), t0 + Duration.FromMinutes(20));
        c.Resolve(GridWorker(1), t0 + Duration.FromHours(3));
        c.GiveFeedback(GridWorker(1), t0 + Duration.FromHours(4), Satisfaction.MostlySatisfied);
        var assessed = AssessedCase.From(c, sla.Track(c).StatesAt(c, t0 + Duration.FromHours(5)), ChinaCalendar.TimeZone);
        Assert.Equal(new AssessedCase("E1", Grid(1), new LocalDate(2026, 3, 2), true, true, Satisfaction.MostlySatisfied), assessed);

        var late = workflow.Register(new CaseRegistration("E2", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", t0));
        late.Respond(GridWorker(1), t0 + Duration.FromHours(3));
        var lateAssessed = AssessedCase.From(late, sla.Track(late).StatesAt(late, t0 + Duration.FromHours(5)), ChinaCalendar.TimeZone, excluded: true);
        Assert.False(lateAssessed.RespondedOnTime);
        Assert.False(lateAssessed.Resolved);
        Assert.True(lateAssessed.Excluded);
    }
}
