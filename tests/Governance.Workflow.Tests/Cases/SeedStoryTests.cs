using Governance.Cases;
using Governance.Organisation;
using Governance.Testing;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Cases;

/// <summary>One scenario per case story in seeds 001, 002 and 003.</summary>
public class SeedStoryTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly CaseWorkflow _workflow = new(JiuLong());

    private static Instant At(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    private Case Register(string id, CaseCategory category, CaseSource source, int grid, Instant at, string description) =>
        _workflow.Register(new CaseRegistration(id, source, category, new CaseLocation(Grid(grid)), description, at));

    [Fact]
    public void Fire_lane_on_the_13th_floor_goes_to_the_grid_leader_and_a_consultation_meeting_and_is_cleared_next_day()
    {
        var c = Register("001-fire-lane", CaseCategory.BlockedFireLane, CaseSource.PatrolDiscovery, 2, At(3, 10, 9), "13楼消防通道堆放杂物");
        c.Respond(GridWorker(2), At(3, 10, 9, 20));
        c.Claim(GridWorker(2), At(3, 10, 9, 40));
        c.Escalate(GridLeader(1), At(3, 10, 11), "住户拒不清理，需协调");
        Assert.Equal(OrganisationLevel.Cooperative, c.Level);
        c.Escalate(GridLeader(1), At(3, 10, 11, 5), "需社区出面召集议事会");
        Assert.Equal(OrganisationLevel.Community, c.Level);
        c.Claim(CommunitySecretary, At(3, 10, 11, 15));
        c.SummonDepartments(CommunitySecretary, At(3, 10, 11, 20), [Department.Police, Department.LawEnforcement, Department.PropertyCompany]);
        c.ReportIn(PoliceLiaison, At(3, 10, 14), Department.Police);
        c.ReportIn(LawEnforcementLiaison, At(3, 10, 14, 5), Department.LawEnforcement);
        c.ReportIn(PropertyLiaison, At(3, 10, 14, 10), Department.PropertyCompany);
        c.RecordMeeting(CommunitySecretary, At(3, 10, 15), ["网格长", "派出所", "综合执法", "物业"], "次日统一清理，物业加装监控");
        c.Resolve(CommunitySecretary, At(3, 11, 10), "通道已清空");
        c.GiveFeedback(GridWorker(2), At(3, 11, 16), Satisfaction.Satisfied);
        c.Close(GridWorker(2), At(3, 11, 16, 5));

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Empty(c.AwaitingReportIn);
        Assert.Single(c.Meetings);
        Assert.Equal(2, c.EscalationCount);
        Assert.Equal(13, c.History.Count);
        Assert.Contains(c.DomainEvents, e => e is ConsultationMeetingHeld);
    }

    [Fact]
    public void Restaurant_fumes_summon_law_enforcement_and_market_regulation()
    {
        var c = Register("001-fumes", CaseCategory.CookingFumes, CaseSource.ResidentReport, 5, At(4, 8, 19), "饭店油烟排入小区");
        c.Respond(GridWorker(5), At(4, 8, 19, 30));
        c.Claim(GridWorker(5), At(4, 8, 19, 45));
        c.Escalate(GridLeader(2), At(4, 9, 9), "需执法部门");
        c.Escalate(GridLeader(2), At(4, 9, 9, 1), "需社区吹哨");
        c.SummonDepartments(CommunityDirector, At(4, 9, 9, 15), [Department.LawEnforcement, Department.MarketRegulation]);
        c.ReportIn(MarketRegulationLiaison, At(4, 9, 10), Department.MarketRegulation);
        Assert.Equal([Department.LawEnforcement], c.AwaitingReportIn);
        c.ReportIn(LawEnforcementLiaison, At(4, 9, 11), Department.LawEnforcement);
        c.Claim(CommunityDirector, At(4, 9, 11, 30));
        c.Resolve(CommunityDirector, At(4, 11, 17), "饭店加装油烟净化器");
        c.GiveFeedback(CommunityDirector, At(4, 12, 10), Satisfaction.MostlySatisfied);
        c.Close(CommunityDirector, At(4, 12, 10, 5));
        Assert.Equal(CaseState.Closed, c.State);
        Assert.All(c.Summons, s => Assert.True(s.HasReported));
    }

    [Fact]
    public void Leaking_pipe_for_an_elderly_resident_is_handled_in_the_grid()
    {
        var c = Register("002-pipe", CaseCategory.LeakingPipe, CaseSource.ResidentReport, 7, At(1, 12, 8), "独居老人家中水管漏水");
        c.Respond(GridWorker(7), At(1, 12, 8, 10));
        c.Claim(GridWorker(7), At(1, 12, 8, 15));
        c.Resolve(GridWorker(7), At(1, 12, 11), "联系物业维修");
        c.GiveFeedback(GridWorker(7), At(1, 12, 15), Satisfaction.Satisfied);
        c.Close(GridWorker(7), At(1, 12, 15, 1));
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(0, c.EscalationCount);
    }

    [Fact]
    public void Riders_flying_wire_report_is_resolved_within_30_minutes()
    {
        var c = _workflow.Register(new CaseRegistration("003-wire", CaseSource.PartTimeGridWorker, CaseCategory.FlyingWireCharging,
            new CaseLocation(Grid(3), "JL-B3", "JL-B3-U1", 1), "骑手拍照上报飞线充电", At(6, 2, 12), Rider, Priority.Urgent, ["photo-1.jpg"]));
        c.Respond(GridWorker(3), At(6, 2, 12, 5));
        c.Claim(GridWorker(3), At(6, 2, 12, 6));
        c.Resolve(GridWorker(3), At(6, 2, 12, 28), "已拆除飞线");
        Assert.True(c.History[^1].At - c.RegisteredAt <= Duration.FromMinutes(30));
        c.GiveFeedback(GridWorker(3), At(6, 2, 13), Satisfaction.Satisfied);
        c.Close(GridWorker(3), At(6, 2, 13, 1));
        Assert.Equal(CaseState.Closed, c.State);
    }

    [Fact]
    public void Unsatisfied_feedback_reopens_the_case_and_closing_needs_better_feedback_or_an_override()
    {
        var c = Register("rework", CaseCategory.HeatingNotWarm, CaseSource.Hotline12345, 1, At(12, 1, 9), "暖气不热");
        c.Respond(GridWorker(1), At(12, 1, 9, 10));
        c.Claim(GridWorker(1), At(12, 1, 9, 20));
        c.Resolve(GridWorker(1), At(12, 1, 15));
        c.GiveFeedback(GridWorker(1), At(12, 2, 9), Satisfaction.Unsatisfied);
        Assert.Equal(CaseState.Claimed, c.State);
        Assert.Equal(1, c.ReopenCount);
        Assert.Throws<CaseCommandRejectedException>(() => c.Close(GridWorker(1), At(12, 2, 10)));
        c.OverrideClose(Supervisor, At(12, 3, 9), "供暖公司已排期，居民诉求超出社区职责");
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Contains(c.DomainEvents, e => e is CaseReopened { ReopenCount: 1 });
    }

    [Fact]
    public void A_refusal_names_the_case_its_state_the_trigger_the_actor_their_roles_and_what_is_permitted()
    {
        var c = Register("refuse", CaseCategory.Parking, CaseSource.ResidentReport, 4, At(5, 6, 9), "乱停车");
        var e = Assert.Throws<CaseCommandRejectedException>(() => c.Respond(GridWorker(5), At(5, 6, 9, 5)));
        Assert.Contains("refuse", e.Message);
        Assert.Contains("Registered", e.Message);
        Assert.Contains("Respond", e.Message);
        Assert.Contains("JL-GW5", e.Message);
        Assert.Contains("GridWorker", e.Message);
        Assert.Contains("grid 'JL-G4'", e.Message);
        Assert.Equal(
            [CaseTrigger.Respond, CaseTrigger.Reject, CaseTrigger.Transfer, CaseTrigger.Pause, CaseTrigger.Resume, CaseTrigger.ChangePriority,
             CaseTrigger.Return, CaseTrigger.RequestExclusion, CaseTrigger.ApproveExclusion, CaseTrigger.RefuseExclusion],
            e.PermittedNow);
        Assert.Equal(CaseState.Registered, c.State);
        Assert.Empty(c.History);
    }

    [Fact]
    public void Duplicates_are_rejected_with_the_original_case_id()
    {
        var c = Register("dup", CaseCategory.Parking, CaseSource.Hotline12345, 4, At(5, 6, 9), "乱停车");
        Assert.Throws<ArgumentException>(() => c.Reject(GridLeader(1), At(5, 6, 10), RejectionKind.Duplicate, "重复"));
        c.Reject(GridLeader(1), At(5, 6, 10), RejectionKind.Duplicate, "与refuse重复", "refuse");
        Assert.Equal(CaseState.Rejected, c.State);
        Assert.Equal("refuse", c.Rejection!.DuplicateOf!.Value.Value);
    }

    [Fact]
    public void Transfer_moves_the_case_to_another_grid_which_responds_afresh()
    {
        var c = Register("transfer", CaseCategory.RoadDamage, CaseSource.PatrolDiscovery, 1, At(7, 1, 9), "路面破损");
        c.Respond(GridWorker(1), At(7, 1, 9, 10));
        c.Transfer(GridLeader(1), At(7, 1, 9, 30), Grid(6), "位于第6网格");
        Assert.Equal(CaseState.Registered, c.State);
        Assert.Equal(Grid(6), c.GridId);
        c.Respond(GridWorker(6), At(7, 1, 9, 40));
        Assert.Equal(CaseState.Responded, c.State);
    }

    [Fact]
    public void Commands_out_of_time_order_are_refused()
    {
        var c = Register("time", CaseCategory.Parking, CaseSource.ResidentReport, 4, At(5, 6, 9), "乱停车");
        var e = Assert.Throws<CaseCommandRejectedException>(() => c.Respond(GridWorker(4), At(5, 6, 8)));
        Assert.Equal(RefusalReason.OutOfOrder, e.Refusal);
        Assert.Empty(c.History);

        // A command from the far future would block every later one: refused too, against the clock when the workflow has one.
        Assert.Equal(RefusalReason.OutOfOrder, Assert.Throws<CaseCommandRejectedException>(() => c.Respond(GridWorker(4), At(5, 6, 9) + Duration.FromDays(3651))).Refusal);
        var clock = new NodaTime.Testing.FakeClock(At(5, 6, 10));
        var clocked = new CaseWorkflow(_workflow.Organisation, clock: clock);
        var d = clocked.Register(new CaseRegistration("clocked", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(4)), "乱停车", At(5, 6, 9)));
        Assert.Equal(RefusalReason.OutOfOrder, Assert.Throws<CaseCommandRejectedException>(() => d.Respond(GridWorker(4), At(5, 6, 10) + Duration.FromDays(2))).Refusal);
        Assert.Throws<ArgumentOutOfRangeException>(() => clocked.Register(new CaseRegistration("ahead", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(4)), "乱停车", At(5, 6, 10) + Duration.FromDays(2))));
        Assert.Throws<ArgumentOutOfRangeException>(() => _workflow.Register(new CaseRegistration("min", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(4)), "乱停车", Instant.MinValue)));
        Assert.Throws<ArgumentException>(() => _workflow.Register(new CaseRegistration("nobuilding", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(4), "NO-SUCH"), "乱停车", At(5, 6, 9))));
        d.Respond(GridWorker(4), At(5, 6, 10));
    }
}
