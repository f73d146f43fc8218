using Governance.Assessment;
using Governance.Calendars;
using Governance.Cases;
using Governance.Sla;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.WorkOrders;

/// <summary>
/// 12345 接诉即办 as districts run it: an order returned by the grid it was dispatched to (退单), dispatched again (派单),
/// extended with approval (延期), called back (回访) and closed; exclusions (核减) with approval; duplicates merged.
/// </summary>
public class WorkOrderStoryTests
{
    private static readonly DateTimeZone Shanghai = ChinaCalendar.TimeZone;
    private static readonly DeadlineCalculator China = new(ChinaCalendar.Mainland, Shanghai);

    /// <summary>The hotline's policy: the seeds' goals, and a callback within 2 working days of the resolution.</summary>
    private static readonly SlaPolicy Hotline = new("12345")
    {
        Sources = new HashSet<string> { CaseSource.Hotline12345.Code },
        Callback = new SlaGoal(DeadlineGoal.WorkingDays(2), SlaAnchor.PreviousStep),
    };

    private static readonly SlaPolicySet Policies = new([Hotline]);
    private readonly CaseWorkflow _workflow = new(JiuLong(), slaPolicies: Policies);
    private readonly SlaEngine _sla = new(Policies, China);

    private static Instant At(int day, int hour, int minute = 0) => new LocalDateTime(2026, 3, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private Case Order(string id, int grid, int day = 2) => _workflow.Register(new CaseRegistration(
        id, CaseSource.Hotline12345, CaseCategory.Parking, new CaseLocation(Grid(grid)), "小区门口车辆乱停，堵塞消防通道", At(day, 9), Resident));

    private static SlaStepState Step(IReadOnlyList<SlaStepState> states, SlaStep step) => states.Last(s => s.Step == step);

    [Fact]
    public void A_work_order_is_returned_dispatched_again_extended_called_back_and_closed()
    {
        var c = Order("WO-1", 3);

        // 退单: grid 3 says the address is not in its area; the order waits for the dispatcher.
        c.Return(GridWorker(3), At(2, 9, 20), "地址属第4网格，非本网格辖区");
        Assert.Equal(CaseState.Returned, c.State);
        Assert.Equal([new WorkOrderReturn(Grid(3), GridWorker(3), At(2, 9, 20), "地址属第4网格，非本网格辖区")], c.Returns);
        Assert.Throws<CaseCommandRejectedException>(() => c.Dispatch(CommunitySecretary, At(2, 9, 30), Grid(3)));   // not back to the unit that returned it
        Assert.Throws<CaseCommandRejectedException>(() => c.Dispatch(GridWorker(3), At(2, 9, 30), Grid(4)));   // a grid worker does not dispatch

        // 派单: the community sends it to grid 4, whose clock starts at the dispatch.
        c.Dispatch(CommunitySecretary, At(2, 9, 40), Grid(4));
        Assert.Equal((CaseState.Registered, Grid(4)), (c.State, c.GridId));
        var respond = Step(_sla.Track(c).StatesAt(c, At(2, 9, 41)), SlaStep.Respond);
        Assert.Equal((At(2, 9, 40), At(2, 10, 40), 2), (respond.Anchor, respond.Deadline, respond.Cycle));

        c.Respond(GridWorker(4), At(2, 10));
        c.Claim(GridWorker(4), At(2, 10, 15));
        var before = Step(_sla.Track(c).StatesAt(c, At(3, 9)), SlaStep.Resolve);

        // 延期: grid 4 asks for 2 working days; the one who asked cannot approve; the community approves 1.
        c.RequestExtension(GridWorker(4), At(3, 9), Duration.FromDays(2), "需协调物业与交警联合执法");
        Assert.Throws<CaseCommandRejectedException>(() => c.RequestExtension(GridWorker(4), At(3, 9, 5), Duration.FromDays(1), "再次申请"));
        Assert.Throws<CaseCommandRejectedException>(() => c.ApproveExtension(GridLeader(1), At(3, 9, 10), Duration.FromDays(1)));   // not the level above
        Assert.Throws<CaseCommandRejectedException>(() => c.ApproveExtension(CommunitySecretary, At(3, 9, 10), Duration.FromDays(3)));   // more than asked
        c.ApproveExtension(CommunitySecretary, At(3, 10), Duration.FromDays(1));
        var after = Step(_sla.Track(c).StatesAt(c, At(3, 10)), SlaStep.Resolve);
        Assert.Equal(China.Advance(before.Deadline, Duration.FromDays(1), DeadlineClock.WorkingTime), after.Deadline);
        Assert.Equal(Duration.FromDays(1), after.Extension);
        Assert.Equal(Duration.FromDays(1), c.Extensions.Single().Approved);

        // Resolved after the original deadline but within the extended one: met.
        var resolvedAt = before.Deadline + Duration.FromHours(10);
        c.Resolve(GridWorker(4), resolvedAt, "交警拖移，物业加装隔离桩");
        Assert.Equal(SlaStatus.Met, Step(_sla.Track(c).StatesAt(c, resolvedAt), SlaStep.Resolve).Status);

        // 回访: the callback step runs from the resolution; the resident's answer ends it.
        var callback = Step(_sla.Track(c).StatesAt(c, resolvedAt), SlaStep.Callback);
        Assert.Equal((resolvedAt, SlaStatus.Running), (callback.Anchor, callback.Status));
        c.GiveFeedback(Resident, resolvedAt + Duration.FromHours(20), Satisfaction.Satisfied);
        c.Close(GridWorker(4), resolvedAt + Duration.FromHours(21));
        var final = _sla.Track(c).StatesAt(c, resolvedAt + Duration.FromDays(10));
        Assert.Equal(SlaStatus.Met, Step(final, SlaStep.Callback).Status);
        Assert.Equal(CaseState.Closed, c.State);

        // Assessed: grid 4 answers for it; grid 3 has a return and no case.
        var assessed = AssessedCase.From(c, final, Shanghai);
        var report = ThreeRates.Assess([assessed], new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)), _workflow.Organisation);
        var g3 = report.Grids.Single(g => g.UnitId == Grid(3).Value);
        var g4 = report.Grids.Single(g => g.UnitId == Grid(4).Value);
        Assert.Equal((0, 1), (g3.Response.Denominator, g3.Returns));
        Assert.Equal((new Rate(1, 1), new Rate(1, 1), new Rate(1, 1), 0), (g4.Response, g4.Resolution, g4.Satisfaction, g4.Returns));
    }

    [Fact]
    public void A_return_is_refused_once_the_order_has_climbed_and_a_transfer_never_goes_to_a_grid_that_returned_it()
    {
        var c = Order("WO-2", 1);
        c.Return(GridLeader(1), At(2, 9, 10), "非本网格");
        c.Dispatch(SubDistrictOfficer, At(2, 9, 20), Grid(2));
        Assert.Throws<CaseCommandRejectedException>(() => c.Transfer(CommunitySecretary, At(2, 9, 30), Grid(1)));
        c.Respond(GridWorker(2), At(2, 9, 30));
        c.Escalate(GridWorker(2), At(2, 9, 40), "需社区协调");
        c.Escalate(CommunitySecretary, At(2, 9, 50), "需社区协调");
        Assert.Throws<CaseCommandRejectedException>(() => c.Return(GridWorker(2), At(2, 10), "非本网格"));
        Assert.Throws<ArgumentException>(() => c.Return(GridWorker(2), At(2, 10), " "));
    }

    [Fact]
    public void An_extension_lapses_when_the_case_is_resolved_and_a_refusal_keeps_the_deadline()
    {
        var c = Order("WO-3", 1);
        c.Respond(GridWorker(1), At(2, 9, 10));
        c.Claim(GridWorker(1), At(2, 9, 20));
        var deadline = Step(_sla.Track(c).StatesAt(c, At(2, 10)), SlaStep.Resolve).Deadline;
        c.RequestExtension(GridWorker(1), At(2, 10), Duration.FromDays(2), "等待配件");
        c.RefuseExtension(CommunitySecretary, At(2, 11), "可先临时处置");
        Assert.Equal(deadline, Step(_sla.Track(c).StatesAt(c, At(2, 11)), SlaStep.Resolve).Deadline);
        Assert.Equal("可先临时处置", c.Extensions.Single().RefusalReason);

        c.RequestExtension(GridWorker(1), At(2, 12), Duration.FromDays(1), "等待配件");
        c.Resolve(GridWorker(1), At(2, 13));
        Assert.True(c.Extensions[^1].Lapsed);
        Assert.Null(c.PendingExtension);
        Assert.Throws<CaseCommandRejectedException>(() => c.ApproveExtension(CommunitySecretary, At(2, 14), Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => c.Execute(new RequestExtensionCommand(GridWorker(1), At(2, 14), Duration.Zero, "x")));
    }

    [Fact]
    public void An_approved_exclusion_takes_the_order_out_of_every_rate_and_a_duplicate_is_merged_into_its_original()
    {
        var c = Order("WO-4", 1);
        c.Respond(GridWorker(1), At(2, 12));   // late: would count against grid 1
        c.RequestExclusion(GridWorker(1), At(2, 12, 10), ExclusionKind.Unreasonable, "要求拆除合法建筑，超出政策范围");
        Assert.Throws<CaseCommandRejectedException>(() => c.ApproveExclusion(GridWorker(1), At(2, 12, 20)));   // not their own
        Assert.Throws<CaseCommandRejectedException>(() => c.ApproveExclusion(CommunitySecretary, At(2, 12, 20)));   // the sub-district decides
        c.ApproveExclusion(SubDistrictOfficer, At(2, 12, 30));
        Assert.Equal(ExclusionKind.Unreasonable, c.Exclusion!.Kind);
        Assert.Throws<CaseCommandRejectedException>(() => c.RequestExclusion(GridWorker(1), At(2, 12, 40), ExclusionKind.Invalid, "再次"));

        var duplicate = Order("WO-5", 1);
        duplicate.Reject(GridLeader(1), At(2, 9, 30), RejectionKind.Duplicate, "与WO-4重复", "WO-4");
        var pending = Order("WO-6", 1);
        pending.RequestExclusion(GridWorker(1), At(2, 9, 30), ExclusionKind.Invalid, "测试来电");
        pending.Reject(GridLeader(1), At(2, 9, 40), RejectionKind.Invalid, "无此问题");
        Assert.True(pending.ExclusionRequests.Single().Lapsed);

        var at = At(2, 13);
        var assessed = new[] { c, duplicate }.Select(x => AssessedCase.From(x, _sla.Track(x).StatesAt(x, at), Shanghai)).ToArray();
        Assert.All(assessed, a => Assert.True(a.Excluded));
        var report = ThreeRates.Assess(assessed, new DateInterval(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31)), _workflow.Organisation);
        Assert.Equal((0, 2), (report.District.Response.Denominator, report.Excluded));
    }

    [Fact]
    public void A_policy_file_names_the_callback_goal_and_a_department_is_assessed_on_its_report_in()
    {
        var set = SlaPolicyJson.Parse("""
            { "policies": [ { "name": "hotline", "match": { "sources": ["12345"] }, "callback": { "kind": "WorkingDays", "days": 2 } } ] }
            """);
        var hotline = set.Match(CaseCategory.Parking, Priority.Normal, CaseSource.Hotline12345);
        Assert.Equal(new SlaGoal(DeadlineGoal.WorkingDays(2), SlaAnchor.PreviousStep), hotline.Callback);
        Assert.Null(SlaPolicy.Default.Callback);
        Assert.Throws<InvalidOperationException>(() => SlaPolicy.Default.GoalFor(SlaStep.Callback));

        var c = Order("WO-7", 1);
        c.Respond(GridWorker(1), At(2, 9, 10));
        c.SummonDepartments(CommunitySecretary, At(2, 9, 20), [Department.Police, Department.PropertyCompany]);
        c.ReportIn(PoliceLiaison, At(2, 10), Department.Police);   // within the working day
        c.ReportIn(PropertyLiaison, At(9, 10), Department.PropertyCompany);   // a week later
        var assessed = AssessedCase.From(c, _sla.Track(c).StatesAt(c, At(9, 11)), Shanghai);
        Assert.Equal([new DepartmentOutcome(Department.Police, true), new DepartmentOutcome(Department.PropertyCompany, false)], assessed.Departments);
    }
}
