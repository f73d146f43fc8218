using Governance.Cases;
using Governance.Organisation;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Cases;

/// <summary>
/// The loop as seed 001 runs it: 小事不出单元、大事不出合作社、难事不出社区 (a unit's case starts and is handled at its
/// micro-grid), the grid worker reporting upward, departments reporting in through their own liaisons, and the reporter's
/// voice in the feedback.
/// </summary>
public class PracticeStoryTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly CaseWorkflow _workflow = new(JiuLong());

    private static Instant At(int day, int hour, int minute = 0) => new LocalDateTime(2026, 3, day, hour, minute).InZoneStrictly(Shanghai).ToInstant();

    // 1号楼1单元 is micro-grid JL-M1 of grid 1; 楼长1, 党员志愿者1 and 居民代表1 handle it.
    private Case InUnit(string id, Id<Governance.People.Person>? reporter = null) => _workflow.Register(new CaseRegistration(
        id, CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1), "JL-B1", "JL-B1-U1", 3), "三楼水管漏水", At(2, 9), reporter));

    [Fact]
    public void A_unit_case_starts_at_its_micro_grid_and_is_solved_in_the_unit()
    {
        var c = InUnit("unit-1", Resident);
        Assert.Equal(OrganisationLevel.MicroGrid, c.Level);
        Assert.Equal(new Id<MicroGrid>("JL-M1"), c.MicroGridId);
        Assert.Equal(c.MicroGridId, c.Registration.MicroGridId);

        c.Respond("JL-BH1", At(2, 9, 20));
        c.Claim("JL-BH1", At(2, 9, 30));
        c.Resolve("JL-BH1", At(2, 15), "联系物业关阀更换");
        c.GiveFeedback(Resident, At(2, 18), Satisfaction.Satisfied);   // the resident who reported it
        c.Close(GridWorker(1), At(2, 18, 5));

        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(0, c.EscalationCount);
        Assert.All(c.History, e => Assert.Equal(OrganisationLevel.MicroGrid, e.Level));
        Assert.Equal(Governance.People.Role.BuildingHead, c.History[0].ActingRole);

        var restored = _workflow.Restore(c.Registration, c.History);
        Assert.Equal((c.Level, c.MicroGridId, c.State, c.Version), (restored.Level, restored.MicroGridId, restored.State, restored.Version));
    }

    [Fact]
    public void Only_the_micro_grids_own_people_or_the_grids_act_on_a_unit_case()
    {
        var c = InUnit("unit-2");
        Assert.Throws<CaseCommandRejectedException>(() => c.Respond("JL-BH2", At(2, 9, 10)));   // head of another building
        Assert.Throws<CaseCommandRejectedException>(() => c.Respond("JL-PV2", At(2, 9, 10)));   // volunteer of another micro-grid
        Assert.Equal(CaseState.Registered, c.State);
        c.Respond("JL-PV1", At(2, 9, 10));
        Assert.Equal(Governance.People.Role.PartyMemberVolunteer, c.History[0].ActingRole);
        c.Claim(GridWorker(1), At(2, 9, 20));   // the grid's worker covers its micro-grids
    }

    [Fact]
    public void A_case_climbs_from_the_micro_grid_to_the_grid_the_cooperative_and_the_community()
    {
        var c = InUnit("unit-3");
        c.Respond("JL-RR1", At(2, 9, 10));
        c.Claim("JL-RR1", At(2, 9, 20));
        c.Escalate("JL-RR1", At(2, 10), "单元内协调不了");            // 小事不出单元: not this one
        Assert.Equal(OrganisationLevel.Grid, c.Level);
        c.Claim(GridWorker(1), At(2, 10, 10));
        c.Escalate(GridWorker(1), At(2, 11), "网格解决不了，报送上级");   // 由网格员报送
        Assert.Equal(OrganisationLevel.Cooperative, c.Level);
        Assert.Throws<CaseCommandRejectedException>(() => c.Escalate(GridWorker(1), At(2, 12), "再报"));   // above the grid: the leader's call
        Assert.Throws<CaseCommandRejectedException>(() => c.Escalate("JL-RR1", At(2, 12), "再报"));
        c.Escalate(GridLeader(1), At(2, 12), "大事不出合作社：合作社也解决不了");
        Assert.Equal(OrganisationLevel.Community, c.Level);
        Assert.Equal(3, c.EscalationCount);
    }

    [Fact]
    public void A_grid_worker_reports_upward_what_the_grid_cannot_solve()
    {
        var c = _workflow.Register(new CaseRegistration("grid-1", CaseSource.PatrolDiscovery, CaseCategory.BlockedFireLane, new CaseLocation(Grid(4)), "消防通道堵塞", At(2, 9)));
        Assert.Equal(OrganisationLevel.Grid, c.Level);
        c.Respond(GridWorker(4), At(2, 9, 10));
        c.Claim(GridWorker(4), At(2, 9, 20));
        Assert.Throws<CaseCommandRejectedException>(() => c.Escalate(GridWorker(3), At(2, 9, 30), "不是本网格"));
        c.Escalate(GridWorker(4), At(2, 9, 30), "需上级协调");
        Assert.Equal(OrganisationLevel.Cooperative, c.Level);
    }

    [Fact]
    public void Only_a_liaison_of_the_summoned_department_reports_in_for_it()
    {
        var c = _workflow.Register(new CaseRegistration("summons-1", CaseSource.ResidentReport, CaseCategory.CookingFumes, new CaseLocation(Grid(5)), "油烟扰民", At(2, 19)));
        c.Respond(GridWorker(5), At(2, 19, 10));
        c.Claim(GridWorker(5), At(2, 19, 20));
        c.Escalate(GridLeader(2), At(3, 9), "需执法部门");
        c.Escalate(GridLeader(2), At(3, 9, 1), "社区吹哨");
        c.SummonDepartments(CommunityDirector, At(3, 9, 15), [Department.LawEnforcement, Department.MarketRegulation]);
        var version = c.Version;

        var wrong = Assert.Throws<CaseCommandRejectedException>(() => c.ReportIn(PoliceLiaison, At(3, 10), Department.LawEnforcement));
        Assert.Contains("law-enforcement", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<CaseCommandRejectedException>(() => c.ReportIn(MarketRegulationLiaison, At(3, 10), Department.LawEnforcement));
        Assert.Equal(version, c.Version);
        Assert.Equal([Department.LawEnforcement, Department.MarketRegulation], c.AwaitingReportIn);

        c.ReportIn(LawEnforcementLiaison, At(3, 10), Department.LawEnforcement);
        c.ReportIn(MarketRegulationLiaison, At(3, 10, 5), Department.MarketRegulation);
        Assert.Empty(c.AwaitingReportIn);
    }

    [Fact]
    public void The_reporter_gives_the_feedback_and_no_other_resident_can()
    {
        var anonymous = InUnit("feedback-1");
        anonymous.Respond("JL-BH1", At(2, 9, 10));
        anonymous.Claim("JL-BH1", At(2, 9, 20));
        anonymous.Resolve("JL-BH1", At(2, 11), "已修好");
        Assert.Throws<CaseCommandRejectedException>(() => anonymous.GiveFeedback(Resident, At(2, 12), Satisfaction.Satisfied));
        anonymous.GiveFeedback(CommunitySecretary, At(2, 12), Satisfaction.Satisfied);   // the 回访 call, recorded by the community
    }

    [Fact]
    public void A_unit_that_is_unknown_or_outside_the_grid_is_refused_at_registration()
    {
        Assert.Throws<ArgumentException>(() => _workflow.Register(new CaseRegistration(
            "bad-1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1), UnitId: "JL-B99-U1"), "漏水", At(2, 9))));
        Assert.Throws<ArgumentException>(() => _workflow.Register(new CaseRegistration(
            "bad-2", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(2), UnitId: "JL-B1-U1"), "漏水", At(2, 9))));
        Assert.Throws<ArgumentException>(() => _workflow.Register(new CaseRegistration(
            "bad-3", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1), UnitId: "JL-B1-U1"), "漏水", At(2, 9), MicroGridId: "JL-M2")));
    }

    [Fact]
    public void A_registration_with_a_default_id_an_undefined_priority_or_a_codeless_category_is_refused()
    {
        CaseRegistration Good(string id) => new(id, CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", At(2, 9));
        Assert.Throws<ArgumentException>(() => _workflow.Register(Good("x") with { Id = default }));
        Assert.Throws<ArgumentException>(() => _workflow.Register(Good("x") with { Priority = (Priority)99 }));
        Assert.Throws<ArgumentException>(() => _workflow.Register(Good("x") with { Category = new CaseCategory(null!, "无") }));
        Assert.Throws<ArgumentException>(() => _workflow.Register(Good("x") with { Source = new CaseSource(" ", "无") }));
        Assert.Equal(CaseState.Registered, _workflow.Register(Good("x")).State);
    }
}
