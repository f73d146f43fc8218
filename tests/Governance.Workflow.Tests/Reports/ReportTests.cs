using FsCheck.Xunit;
using Governance.Calendars;
using Governance.Cases;
using Governance.Organisation;
using Governance.Reports;
using Governance.Sla;
using Governance.Supervision;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Reports;

public class ReportTests
{
    private static readonly DateTimeZone Shanghai = ChinaCalendar.TimeZone;
    private static readonly Instant Origin = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly CaseCategory[] Categories = [CaseCategory.CorridorClutter, CaseCategory.LeakingPipe];

    private static CaseRegistration Registration(int i, int category, int building, int minutes, CaseSource? source = null, int grid = 1) =>
        new($"C{i}", source ?? CaseSource.ResidentReport, Categories[category], new CaseLocation(Grid(grid), building == 0 ? (Id<Building>?)null : (Id<Building>)$"JL-B{building}"), "问题", Origin + Duration.FromMinutes(minutes));

    [Fact]
    public void Three_clutter_reports_at_one_building_within_30_days_make_a_typical_case()
    {
        var cases = new[]
        {
            Registration(1, 0, 5, 0), Registration(2, 0, 5, 60 * 24 * 10), Registration(3, 0, 5, 60 * 24 * 29),
            Registration(4, 0, 5, 60 * 24 * 80), Registration(5, 0, 6, 60), Registration(6, 1, 5, 120),
        };
        var typical = Assert.Single(new TypicalCaseDetector().Detect(cases));
        Assert.Equal("building:JL-B5", typical.Place);
        Assert.Equal(["C1", "C2", "C3"], typical.Cases.Select(c => c.Value));
        Assert.Single(new TypicalCaseDetector(place: RecurrencePlace.Grid).Detect(cases.Take(5).Append(Registration(7, 0, 0, 200))));
    }

    [Property(MaxTest = 300)]
    public Property The_recurring_detector_equals_a_brute_force_reference() =>
        Prop.ForAll(
            Gen.ArrayOf(from c in Gen.Choose(0, 1) from b in Gen.Choose(0, 3) from m in Gen.Choose(0, 60 * 24 * 90) select (c, b, m)).ToArbitrary(),
            Gen.Choose(2, 4).ToArbitrary(),
            Gen.Choose(1, 40).ToArbitrary(),
            (items, threshold, days) =>
            {
                var cases = items.Select((x, i) => Registration(i, x.c, x.b, x.m)).ToArray();
                var detector = new TypicalCaseDetector(threshold, Duration.FromDays(days));
                var found = detector.Detect(cases).SelectMany(t => t.Cases).Select(c => c.Value).ToHashSet();

                // A case contributes if some window [start, start + days] that contains it holds ≥ threshold cases of its group.
                var expected = cases.Where(c => cases.Any(s =>
                {
                    bool Same(CaseRegistration x) => x.Category == c.Category && detector.PlaceOf(x) == detector.PlaceOf(c);
                    if (!Same(s) || s.RegisteredAt > c.RegisteredAt || c.RegisteredAt - s.RegisteredAt > Duration.FromDays(days))
                    {
                        return false;
                    }

                    return cases.Count(x => Same(x) && x.RegisteredAt >= s.RegisteredAt && x.RegisteredAt - s.RegisteredAt <= Duration.FromDays(days)) >= threshold;
                })).Select(c => c.Id.Value).ToHashSet();
                return found.SetEquals(expected);
            });

    [Fact]
    public void The_weekly_complaint_report_counts_by_source_per_grid_and_community_in_the_local_week()
    {
        var org = JiuLong();
        var sla = (IReadOnlyList<SlaStepState>)[];
        var monday = new LocalDate(2026, 3, 2);
        var at = (int day, int hour) => monday.PlusDays(day).At(new LocalTime(hour, 0)).InZoneStrictly(Shanghai).ToInstant();
        CaseRegistration R(string id, int grid, CaseSource source, Instant when) => new(id, source, CaseCategory.Parking, new CaseLocation(Grid(grid)), "停车", when);
        var cases = new[]
        {
            R("a", 1, CaseSource.Hotline12345, at(0, 9)), R("b", 1, CaseSource.Hotline12345, at(6, 23)), R("c", 1, CaseSource.ResidentReport, at(3, 9)),
            R("d", 2, CaseSource.Hotline12345, at(2, 9)),
            R("e", 2, CaseSource.Hotline12345, at(-1, 23)), // Sunday before: previous week
            R("f", 3, CaseSource.PatrolDiscovery, at(7, 0)), // next Monday 00:00 local: next week
        }.Select(c => (c, sla));

        var report = WeeklyComplaintReport.For(monday.PlusDays(3), Shanghai, org, cases, top: 1);
        Assert.Equal(new DateInterval(monday, monday.PlusDays(6)), report.Week);
        Assert.Equal(Grid(1), report.TopGrids.Single().Grid);
        Assert.Equal(2, report.Grids[0].Hotline12345);
        Assert.Equal(3, report.Grids[0].Total);
        Assert.Equal(4, report.Communities.Single().Total);
        Assert.Equal(2, report.Grids.Count);
    }

    [Fact]
    public void Case_facts_give_each_step_outcome_and_the_feedback_and_inspections_give_findings()
    {
        var workflow = new CaseWorkflow(JiuLong());
        var t0 = new LocalDateTime(2026, 3, 2, 9, 0).InZoneStrictly(Shanghai).ToInstant();
        var c = workflow.Register(new CaseRegistration("F1", CaseSource.Hotline12345, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", t0));
        c.Respond(GridWorker(1), t0 + Duration.FromMinutes(30));
        c.Claim(GridWorker(1), t0 + Duration.FromMinutes(200));
        c.Resolve(GridWorker(1), t0 + Duration.FromHours(5));
        c.GiveFeedback(GridWorker(1), t0 + Duration.FromHours(6), Satisfaction.Satisfied);
        var states = new SlaEngine(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, Shanghai)).Track(c).StatesAt(c, t0 + Duration.FromHours(7));

        var facts = CaseFacts.From(c, states, Shanghai, GridWorker(1)).ToArray();
        Assert.Equal(
            [CaseFactKinds.StepMet, CaseFactKinds.StepMetLate, CaseFactKinds.StepMet, CaseFactKinds.StepMet, CaseFactKinds.Satisfied, CaseFactKinds.Complaint],
            facts.Select(f => f.Kind));
        Assert.All(facts, f => Assert.Equal(GridWorker(1), f.Person));
        Assert.Equal(facts.Length, facts.Select(f => f.Id).Distinct().Count());

        var inspection = new SupervisionInspection("S1", new LocalDate(2026, 3, 5), Supervisor, "OTHER", GridWorker(1), Grid(1), JiuLongId,
            [new SupervisionFinding("走访记录不全", Rectification: new RectificationItem("R1", "补齐走访记录", new LocalDate(2026, 3, 12))), new SupervisionFinding("上报不实", Serious: true)]);
        Assert.True(inspection.IsCrossInspection);
        Assert.Single(inspection.OverdueOn(new LocalDate(2026, 3, 13)));
        Assert.Empty(inspection.OverdueOn(new LocalDate(2026, 3, 12)));
        Assert.Equal([CaseFactKinds.SupervisionFinding, CaseFactKinds.SeriousSupervisionFinding], CaseFacts.From(inspection).Select(f => f.Kind));
        var closed = inspection.Findings[0].Rectification!.Close(new LocalDate(2026, 3, 10));
        Assert.False(closed.IsOverdueOn(new LocalDate(2026, 4, 1)));
        Assert.Throws<InvalidOperationException>(() => closed.Close(new LocalDate(2026, 3, 11)));
    }
}
