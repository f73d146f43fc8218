using Governance.Calendars;
using Governance.Cases;
using Governance.Sla;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Sla;

public class SlaScenarioTests
{
    private static readonly DateTimeZone Shanghai = ChinaCalendar.TimeZone;
    private static readonly CaseWorkflow Workflow = new(JiuLong());
    private static readonly DeadlineCalculator China = new(ChinaCalendar.Mainland, Shanghai);
    private static readonly BusinessCalendar WithHours = BusinessCalendarBuilder.From(ChinaCalendar.Mainland)
        .WithWorkingHours([new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0)), new WorkingWindow(new LocalTime(13, 30), new LocalTime(17, 30))])
        .Build();

    internal static Instant Local(int y, int m, int d, int h, int min = 0) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(Shanghai).ToInstant();

    internal static Case Register(Instant at, string id = "C1", CaseCategory? category = null) =>
        Workflow.Register(new CaseRegistration(id, CaseSource.ResidentReport, category ?? CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "水管漏水", at));

    private static SlaStepState Step(SlaEvaluation e, SlaStep step, int cycle = 1) => e.Steps.Single(s => s.Step == step && s.Cycle == cycle);

    [Fact]
    public void Default_policy_is_one_hour_respond_one_hour_claim_three_and_five_working_days()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 3, 2, 9)); // Monday
        var sla = engine.Track(c);
        c.Respond(GridWorker(1), Local(2026, 3, 2, 9, 40));
        c.Claim(GridWorker(1), Local(2026, 3, 2, 11));

        var e = sla.Evaluate(c, Local(2026, 3, 2, 12));
        Assert.Equal(Local(2026, 3, 2, 10), Step(e, SlaStep.Respond).Deadline);
        Assert.Equal(SlaStatus.Met, Step(e, SlaStep.Respond).Status);
        Assert.Equal(Local(2026, 3, 2, 10, 40), Step(e, SlaStep.Claim).Deadline);
        Assert.Equal(SlaStatus.MetLate, Step(e, SlaStep.Claim).Status);
        Assert.Equal(Local(2026, 3, 6, 0), Step(e, SlaStep.Resolve).Deadline); // end of Thu 5 March
        Assert.Equal(SlaStatus.Running, Step(e, SlaStep.Resolve).Status);

        // The response came after half its hour; the claim crossed 50%, 75% and its deadline before it was claimed.
        Assert.Equal([(SlaStep.Respond, 50), (SlaStep.Claim, 50), (SlaStep.Claim, 75), (SlaStep.Claim, 100)], e.NewEvents.Select(x => (x.Step, x.Percent)));
        Assert.Equal(Local(2026, 3, 2, 10, 40), e.NewEvents[^1].OccurredAt);
        Assert.Empty(sla.Evaluate(c, Local(2026, 3, 2, 12)).NewEvents);
    }

    [Fact]
    public void One_working_hour_to_respond_from_17_50_on_the_last_working_day_before_spring_festival_2026()
    {
        // 2026-02-14 is a Saturday worked in exchange (调休); 春节 runs 2/15–2/23. Working hours 08:30–12:00, 13:30–17:30.
        var policy = new SlaPolicy("working-hours") { Respond = new SlaGoal(DeadlineGoal.WorkingTime(Duration.FromHours(1)), SlaAnchor.Registration) };
        var engine = new SlaEngine(new SlaPolicySet([policy]), new DeadlineCalculator(WithHours, Shanghai));
        var c = Register(Local(2026, 2, 14, 17, 50));
        var e = engine.Track(c).Evaluate(c, Local(2026, 2, 20, 12));
        var respond = Step(e, SlaStep.Respond);
        Assert.Equal(Local(2026, 2, 24, 9, 30), respond.Deadline);
        Assert.Equal(SlaStatus.Running, respond.Status);
        Assert.Equal(Duration.Zero, respond.Elapsed);
    }

    [Fact]
    public void Three_working_days_from_30_September_2025_run_past_national_day_to_the_make_up_Saturday()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2025, 9, 30, 15));
        c.Respond(GridWorker(1), Local(2025, 9, 30, 15, 10));
        c.Claim(GridWorker(1), Local(2025, 9, 30, 15, 20));
        var resolve = Step(engine.Track(c).Evaluate(c, Local(2025, 10, 5, 12)), SlaStep.Resolve);

        // Working days after the 30th: 10/9 (Thu), 10/10 (Fri), 10/11 (Sat, worked) → due by the end of 10/11.
        Assert.Equal(Local(2025, 10, 12, 0), resolve.Deadline);
        Assert.Equal(SlaStatus.Running, resolve.Status);
    }

    [Fact]
    public void Five_working_days_of_feedback_cross_the_2026_labour_day_make_up_Saturday()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 5, 6, 10));
        c.Respond(GridWorker(1), Local(2026, 5, 6, 10, 10));
        c.Claim(GridWorker(1), Local(2026, 5, 6, 10, 20));
        c.Resolve(GridWorker(1), Local(2026, 5, 7, 16));
        var feedback = Step(engine.Track(c).Evaluate(c, Local(2026, 5, 8, 9)), SlaStep.Feedback);

        // 5/7, 5/8, 5/9 (Saturday worked for 劳动节), 5/11, 5/12 → due by the end of 5/12.
        Assert.Equal(Local(2026, 5, 13, 0), feedback.Deadline);
    }

    [Fact]
    public void A_pause_while_waiting_for_access_moves_the_deadline_by_the_paused_working_time()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 3, 2, 9));
        var sla = engine.Track(c);
        c.Respond(GridWorker(1), Local(2026, 3, 2, 9, 10));
        c.Claim(GridWorker(1), Local(2026, 3, 2, 9, 20));
        c.Pause(GridWorker(1), Local(2026, 3, 3, 0), "住户外出，无法入户");
        c.Resume(GridWorker(1), Local(2026, 3, 4, 0)); // one whole working day

        var resolve = Step(sla.Evaluate(c, Local(2026, 3, 5, 12)), SlaStep.Resolve);
        Assert.Equal(Local(2026, 3, 7, 0), resolve.Deadline); // end of Thu 5th → end of Fri 6th, by one working day
        Assert.Equal(SlaStatus.Running, resolve.Status);
    }

    [Fact]
    public void A_pause_after_a_breach_does_not_unbreach_the_step()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 3, 2, 9));
        var sla = engine.Track(c);
        c.Pause(GridWorker(1), Local(2026, 3, 2, 11), "等待");
        var e = sla.Evaluate(c, Local(2026, 3, 2, 12));
        Assert.Equal(SlaStatus.Breached, Step(e, SlaStep.Respond).Status);
        Assert.Equal(Local(2026, 3, 2, 10), Step(e, SlaStep.Respond).Deadline);
        var again = Assert.Throws<CaseCommandRejectedException>(() => c.Pause(GridWorker(1), Local(2026, 3, 2, 12), "again"));
        Assert.Contains("already paused", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsatisfied_feedback_starts_a_new_resolve_cycle_and_keeps_the_first()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 3, 2, 9));
        c.Respond(GridWorker(1), Local(2026, 3, 2, 9, 10));
        c.Claim(GridWorker(1), Local(2026, 3, 2, 9, 20));
        c.Resolve(GridWorker(1), Local(2026, 3, 3, 9));
        c.GiveFeedback(GridWorker(1), Local(2026, 3, 3, 15), Satisfaction.Unsatisfied);
        var e = engine.Track(c).Evaluate(c, Local(2026, 3, 4, 9));

        Assert.Equal(SlaStatus.Met, Step(e, SlaStep.Resolve, 1).Status);
        var rework = Step(e, SlaStep.Resolve, 2);
        Assert.Equal(Local(2026, 3, 3, 15), rework.Anchor);
        Assert.Equal(Local(2026, 3, 7, 0), rework.Deadline); // 3/4, 3/5, 3/6
    }

    [Fact]
    public void Escalation_keeps_the_claims_elapsed_time_by_default_and_restarts_it_when_configured()
    {
        var c = Register(Local(2026, 3, 2, 9));
        c.Respond(GridWorker(1), Local(2026, 3, 2, 9, 10));
        c.Claim(GridWorker(1), Local(2026, 3, 2, 9, 20));
        c.Escalate(GridLeader(1), Local(2026, 3, 2, 9, 50), "需社区协调");
        var at = Local(2026, 3, 2, 10, 30);

        var keep = new SlaEngine(SlaPolicySet.Default, China).Track(c).Evaluate(c, at);
        Assert.Equal(Local(2026, 3, 2, 10, 10), Step(keep, SlaStep.Claim, 2).Deadline);
        Assert.Equal(SlaStatus.Breached, Step(keep, SlaStep.Claim, 2).Status);

        var restartPolicy = new SlaPolicy("restart") { OnEscalation = SlaRetarget.Restart };
        var restart = new SlaEngine(new SlaPolicySet([restartPolicy]), China).Track(c).Evaluate(c, at);
        Assert.Equal(Local(2026, 3, 2, 10, 50), Step(restart, SlaStep.Claim, 2).Deadline);
        Assert.Equal(SlaStatus.Running, Step(restart, SlaStep.Claim, 2).Status);
    }

    [Fact]
    public void Each_summoned_department_has_its_own_report_in_clock()
    {
        var engine = new SlaEngine(SlaPolicySet.Default, China);
        var c = Register(Local(2026, 3, 2, 9));
        c.Respond(GridWorker(1), Local(2026, 3, 2, 9, 10));
        c.Escalate(GridLeader(1), Local(2026, 3, 2, 9, 20), "社区吹哨");
        c.Escalate(GridLeader(1), Local(2026, 3, 2, 9, 25), "社区吹哨");
        c.SummonDepartments(CommunitySecretary, Local(2026, 3, 2, 9, 30), [Department.Police, Department.LawEnforcement]);
        c.ReportIn(PoliceLiaison, Local(2026, 3, 2, 11), Department.Police);
        var e = engine.Track(c).Evaluate(c, Local(2026, 3, 4, 12)); // one working day: due by the end of 3/3
        Assert.Equal(SlaStatus.Met, e.Steps.Single(s => s.Department == Department.Police).Status);
        Assert.Equal(SlaStatus.Breached, e.Steps.Single(s => s.Department == Department.LawEnforcement).Status);
    }

    [Fact]
    public void A_priority_change_takes_the_new_policys_goals()
    {
        var urgent = new SlaPolicy("urgent") { Priorities = new HashSet<Priority> { Priority.Urgent }, Respond = new SlaGoal(DeadlineGoal.Elapsed(Duration.FromMinutes(15)), SlaAnchor.Registration) };
        var engine = new SlaEngine(new SlaPolicySet([urgent]), China);
        var c = Register(Local(2026, 3, 2, 9));
        var sla = engine.Track(c);
        c.ChangePriority(CommunitySecretary, Local(2026, 3, 2, 9, 5), Priority.Urgent);
        var respond = Step(sla.Evaluate(c, Local(2026, 3, 2, 9, 10)), SlaStep.Respond);
        Assert.Equal("urgent", respond.Policy);
        Assert.Equal(Local(2026, 3, 2, 9, 15), respond.Deadline);
    }

    [Fact]
    public void Policies_load_from_json_and_a_bad_file_reports_every_error_with_its_path()
    {
        var set = SlaPolicyJson.Parse("""
            {
              "policies": [
                { "name": "fire", "match": { "categories": ["fire-lane"] },
                  "resolve": { "kind": "CalendarDays", "days": 1 }, "warnings": [50, 90] }
              ]
            }
            """);
        var fire = set.Match(CaseCategory.BlockedFireLane, Priority.Normal, CaseSource.PatrolDiscovery);
        Assert.Equal("fire", fire.Name);
        Assert.Equal(DeadlineGoal.CalendarDays(1), fire.Resolve.Goal);
        Assert.Equal([50, 90], fire.WarningThresholds);
        Assert.Same(SlaPolicy.Default, set.Match(CaseCategory.LeakingPipe, Priority.Normal, CaseSource.PatrolDiscovery));

        var e = Assert.Throws<Validation.ValidationFailedException>(() => SlaPolicyJson.Parse("""
            { "policies": [ { "match": { "priorities": ["Soon"] }, "respond": { "kind": "Hours" }, "warnings": [75, 50] } ] }
            """));
        Assert.Equal(["$.policies[0].match.priorities[0]", "$.policies[0].warnings[1]", "$.policies[0].respond.kind", "$.policies[0].name"],
            e.Errors.Select(x => x.Path).OrderBy(p => p.Length).ThenBy(p => p).Reverse().OrderBy(p => p.Contains("match") ? 0 : p.Contains("warnings") ? 1 : p.Contains("respond") ? 2 : 3));
    }
}
