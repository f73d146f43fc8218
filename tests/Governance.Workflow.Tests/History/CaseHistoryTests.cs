using System.Text.Json;
using FsCheck.Xunit;
using Governance.Calendars;
using Governance.Cases;
using Governance.Json;
using Governance.Organisation;
using Governance.People;
using Governance.Sla;
using Governance.Tests.Cases;
using Governance.Tests.Sla;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.History;

/// <summary>
/// Faithful history for cases: a case restores from its registration and stored history exactly, without today's
/// organisation or authorization and without raising events; a corrupt history is refused naming the entry; the SLA is a
/// function of the history and the pinned policy; threshold reporting is exactly-once across restores.
/// </summary>
public class CaseHistoryTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private static readonly DeadlineCalculator China = new(ChinaCalendar.Mainland, ChinaCalendar.TimeZone);

    /// <summary>Everything observable about a case, as JSON: two cases are the same case when these are equal.</summary>
    private static string Observable(Case c) => JsonSerializer.Serialize(new
    {
        c.Registration,
        c.State,
        c.GridId,
        c.Level,
        c.Claimant,
        c.ClaimedAs,
        c.Satisfaction,
        c.ReopenCount,
        c.EscalationCount,
        c.OverrideReason,
        c.Rejection,
        c.LastActivityAt,
        c.Priority,
        c.SlaPolicy,
        c.Version,
        c.IsPaused,
        c.Pauses,
        c.Summons,
        c.Meetings,
        c.Returns,
        c.Extensions,
        c.ExclusionRequests,
        c.History,
        c.PermittedTriggers,
    }, Json);

    [Property(MaxTest = 300)]
    public Property Restoring_a_case_from_its_stored_history_gives_the_case_that_was_saved() =>
        Prop.ForAll(CaseWorkflowModelTests.Sequences.ToArbitrary(), steps =>
        {
            var (saved, _) = CaseWorkflowModelTests.Run(steps);

            // Stored as a host would: the registration and each history entry as JSON.
            var registration = JsonSerializer.Deserialize<CaseRegistration>(JsonSerializer.Serialize(saved.Registration, Json), Json)!;
            var history = saved.History.Select(h => JsonSerializer.Deserialize<CaseHistoryEntry>(JsonSerializer.Serialize(h, Json), Json)!).ToList();

            // Restored by a workflow whose organisation has none of the people who acted.
            var restored = EmptyWorkflow.Restore(registration, history);
            return (Observable(restored) == Observable(saved)).Label("same case")
                .And(restored.DomainEvents.Count == 0).Label("no events")
                .And(restored.Version == saved.History.Count).Label("version");
        });

    [Property(MaxTest = 200)]
    public Property A_history_with_an_entry_dropped_or_altered_is_refused_naming_that_entry() =>
        Prop.ForAll(CaseWorkflowModelTests.Sequences.ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), (steps, pick, how) =>
        {
            var (saved, _) = CaseWorkflowModelTests.Run(steps);
            if (saved.History.Count == 0)
            {
                return true.ToProperty();
            }

            var history = saved.History.ToList();
            var i = pick % history.Count;
            var e = history[i];
            switch (how)
            {
                case 0: history.RemoveAt(i); break;                                   // a gap
                case 1: history[i] = e with { Sequence = e.Sequence + 1 }; break;    // misnumbered
                case 2: history[i] = e with { From = e.From == CaseState.Closed ? CaseState.Registered : CaseState.Closed }; break;
                default: history[i] = e with { Command = e.Command with { At = saved.RegisteredAt - Duration.FromMinutes(1) } }; break;
            }

            try
            {
                EmptyWorkflow.Restore(saved.Registration, history);

                // Dropping the last entry leaves a valid, shorter history.
                return (how == 0 && i == saved.History.Count - 1).Label("restored a corrupt history");
            }
            catch (CaseHistoryCorruptException x)
            {
                return (x.CaseId == saved.Id && x.Sequence == i + 1).Label($"refused at {x.Sequence}, expected {i + 1}: {x.Reason}");
            }
        });

    private static readonly CaseWorkflow EmptyWorkflow = new(new OrganisationModelBuilder()
        .Add(new SubDistrict("X", "别处街道"))
        .Add(new Community("XC", "别处社区", "X", EscalationLadder.Standard))
        .Add(new Grid("XG", "别处网格", "XC", GridKind.Basic))
        .Build());

    [Fact]
    public void A_grid_worker_leaves_and_their_cases_still_restore_and_the_successor_takes_over_the_open_one()
    {
        OrganisationModel Organisation(string worker, string name) => new OrganisationModelBuilder()
            .Add(new SubDistrict("LSW", "灵山卫街道"))
            .Add(new Community("JL", "九龙社区", "LSW", EscalationLadder.Standard))
            .Add(new Grid("JL-G1", "第一网格", "JL", GridKind.Basic))
            .Add(new Person(worker, name, [Role.GridWorker]))
            .Add(new GridAssignment(worker, "JL-G1", Role.GridWorker))
            .Build();

        var before = new CaseWorkflow(Organisation("GW-ZHANG", "网格员小张"));
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var closed = before.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation("JL-G1"), "楼道水管漏水", t0));
        closed.Respond("GW-ZHANG", t0 + Duration.FromMinutes(10));
        closed.Claim("GW-ZHANG", t0 + Duration.FromMinutes(20));
        closed.Resolve("GW-ZHANG", t0 + Duration.FromHours(3));
        closed.GiveFeedback("GW-ZHANG", t0 + Duration.FromHours(4), Satisfaction.Satisfied);
        closed.Close("GW-ZHANG", t0 + Duration.FromHours(4));
        var open = before.Register(new CaseRegistration("E2", CaseSource.PatrolDiscovery, CaseCategory.CorridorClutter, new CaseLocation("JL-G1"), "楼道堆物", t0));
        open.Respond("GW-ZHANG", t0 + Duration.FromMinutes(5));
        var stored = new[] { closed, open }.Select(c => (JsonSerializer.Serialize(c.Registration, Json), JsonSerializer.Serialize(c.History, Json))).ToList();

        // 小张 leaves; 小王 takes the grid over.
        var after = new CaseWorkflow(Organisation("GW-WANG", "网格员小王"));
        var restored = stored.Select(s => after.Restore(
            JsonSerializer.Deserialize<CaseRegistration>(s.Item1, Json)!,
            JsonSerializer.Deserialize<List<CaseHistoryEntry>>(s.Item2, Json)!)).ToList();
        Assert.Equal(CaseState.Closed, restored[0].State);
        Assert.Equal(Observable(closed), Observable(restored[0]));
        Assert.Equal(Role.GridWorker, restored[0].ClaimedAs);

        var successor = restored[1];
        successor.Claim("GW-WANG", t0 + Duration.FromHours(1));
        successor.Resolve("GW-WANG", t0 + Duration.FromHours(2), "已清理");
        Assert.Equal(CaseState.Resolved, successor.State);
        Assert.Equal(3, successor.Version);

        // Replaying the commands instead re-authorizes them against today's organisation, and fails.
        Assert.Throws<CaseCommandRejectedException>(() => after.Replay(closed.Registration, closed.History.Select(h => h.Command)));
    }

    [Fact]
    public void Editing_the_policy_after_a_case_closed_leaves_its_compliance_and_a_what_if_reports_the_difference()
    {
        var v1 = new SlaPolicy("九龙社区") { Version = 1 };
        var workflow = new CaseWorkflow(JiuLong(), slaPolicies: new SlaPolicySet([v1]));
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0); // Monday 09:00
        var c = workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", t0));
        Assert.Equal(new SlaPolicyReference("九龙社区", 1), c.SlaPolicy);
        c.Respond(GridWorker(1), t0 + Duration.FromMinutes(10));
        c.Claim(GridWorker(1), t0 + Duration.FromMinutes(20));
        c.Resolve(GridWorker(1), t0 + Duration.FromDays(2)); // Wednesday: within 3 working days, not within 1
        var end = t0 + Duration.FromDays(10);

        var before = new SlaEngine(new SlaPolicySet([v1]), China).Track(c);
        Assert.Equal(SlaStatus.Met, before.StatesAt(c, end).Single(s => s.Step == SlaStep.Resolve).Status);

        // The district tightens the policy to 1 working day (version 2); the old version is kept for the cases pinned to it.
        var v2 = new SlaPolicy("九龙社区") { Version = 2, Resolve = new SlaGoal(DeadlineGoal.WorkingDays(1), SlaAnchor.Registration) };
        var current = new SlaPolicySet([v2]);
        var engine = new SlaEngine(current, China, earlierVersions: [v1]);
        var after = engine.Track(c);
        Assert.Equal(SlaStatus.Met, after.StatesAt(c, end).Single(s => s.Step == SlaStep.Resolve).Status);
        Assert.Equal("九龙社区", after.StatesAt(c, end).Single(s => s.Step == SlaStep.Resolve).Policy);

        var whatIf = after.StatesUnder(c, end, current).Single(s => s.Step == SlaStep.Resolve);
        Assert.Equal(SlaStatus.MetLate, whatIf.Status);

        // An engine that lacks the version a case is pinned to says so, rather than judging it by today's policy.
        var e = Assert.Throws<SlaPolicyNotFoundException>(() => new SlaEngine(current, China).Track(c).StatesAt(c, end));
        Assert.Equal(new SlaPolicyReference("九龙社区", 1), e.Policy);

        // New cases are pinned to version 2.
        var next = new CaseWorkflow(JiuLong(), slaPolicies: current)
            .Register(new CaseRegistration("E2", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", end));
        Assert.Equal(new SlaPolicyReference("九龙社区", 2), next.SlaPolicy);
    }

    [Fact]
    public void A_priority_change_is_a_command_in_the_history_and_pins_the_policy_that_matches_then()
    {
        var normal = new SlaPolicy("normal");
        var urgent = new SlaPolicy("urgent") { Priorities = new HashSet<Priority> { Priority.Urgent }, Respond = new SlaGoal(DeadlineGoal.Elapsed(Duration.FromMinutes(15)), SlaAnchor.Registration) };
        var set = new SlaPolicySet([urgent], normal);
        var workflow = new CaseWorkflow(JiuLong(), slaPolicies: set);
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.BlockedFireLane, new CaseLocation(Grid(1)), "消防通道堵塞", t0));
        c.ChangePriority(CommunitySecretary, t0 + Duration.FromMinutes(5), Priority.Urgent, "涉及消防安全");
        Assert.Equal(Priority.Urgent, c.Priority);
        Assert.Equal(new SlaPolicyReference("urgent", 1), c.History[^1].SlaPolicy);
        Assert.IsType<CasePriorityChanged>(c.DomainEvents[^1]);
        var respond = new SlaEngine(set, China).Track(c).StatesAt(c, t0 + Duration.FromMinutes(10)).Single(s => s.Step == SlaStep.Respond);
        Assert.Equal((t0 + Duration.FromMinutes(15), "urgent"), (respond.Deadline, respond.Policy));
        Assert.Throws<CaseCommandRejectedException>(() => c.ChangePriority(CommunitySecretary, t0 + Duration.FromMinutes(6), Priority.Urgent));
        Assert.Throws<CaseCommandRejectedException>(() => c.ChangePriority(GridWorker(1), t0 + Duration.FromMinutes(6), Priority.Critical));
        Assert.Equal(Observable(c), Observable(workflow.Restore(c.Registration, c.History)));
    }

    [Property(MaxTest = 200)]
    public Property Restored_trackers_report_each_threshold_exactly_once_across_any_split_of_evaluations() =>
        Prop.ForAll(SlaPropertyTests.Scripts.ToArbitrary(), Gen.Choose(0, 8).ToArbitrary(), (script, split) =>
        {
            var (c, one, registered) = SlaPropertyTests.Play(script);
            var instants = script.Evaluations.Order().Select(e => registered + Duration.FromMinutes(e)).ToArray();
            var reference = instants.SelectMany(t => one.Evaluate(c, t).NewEvents).ToList();

            var (c1, first, _) = SlaPropertyTests.Play(script);
            var k = Math.Min(split, instants.Length);
            var before = instants.Take(k).SelectMany(t => first.Evaluate(c1, t).NewEvents).ToList();

            // Restart: the case from its history, the tracker from its stored position.
            var position = JsonSerializer.Deserialize<List<SlaThresholdKey>>(JsonSerializer.Serialize(first.ReportedThresholds, Json), Json)!;
            var restoredCase = CaseWorkflowModelTests.Workflow.Restore(c1.Registration, c1.History);
            var second = first.Engine.Track(restoredCase, position);
            var after = instants.Skip(k).SelectMany(t => second.Evaluate(restoredCase, t).NewEvents).ToList();

            var all = before.Concat(after).ToList();
            return all.SequenceEqual(reference).Label($"{before.Count}+{after.Count} events vs {reference.Count}");
        });

    public static TheoryData<CaseCommand> Commands
    {
        get
        {
            var t = Instant.FromUtc(2026, 3, 2, 1, 0);
            return new TheoryData<CaseCommand>
            {
                new RespondCommand(GridWorker(1), t, "已电话联系"),
                new ClaimCommand(GridWorker(1), t),
                new EscalateCommand(GridLeader(1), t, "网格无法解决"),
                new SummonDepartmentsCommand(CommunitySecretary, t, [Department.Police, Department.PropertyCompany], "社区吹哨"),
                new ReportInCommand(PoliceLiaison, t, Department.Police),
                new RecordMeetingCommand(CommunitySecretary, t, ["派出所", "物业"], "限期清理"),
                new ResolveCommand(GridWorker(1), t, "已更换阀门"),
                new GiveFeedbackCommand(Resident, t, Satisfaction.MostlySatisfied),
                new CloseCommand(GridWorker(1), t),
                new OverrideCloseCommand(Supervisor, t, "督导决定办结"),
                new RejectCommand(GridLeader(1), t, RejectionKind.Duplicate, "重复件", "E0"),
                new TransferCommand(GridLeader(1), t, Grid(2)),
                new PauseCommand(GridWorker(1), t, "住户外出"),
                new ResumeCommand(GridWorker(1), t),
                new ChangePriorityCommand(CommunitySecretary, t, Priority.Critical),
            };
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_round_trips_through_JSON_with_a_stable_discriminator(CaseCommand command)
    {
        var json = JsonSerializer.Serialize(command, Json);
        Assert.StartsWith("{\"type\":\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Governance.", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<CaseCommand>(json, Json)!;
        Assert.Equal(command.GetType(), back.GetType());
        Assert.Equal(json, JsonSerializer.Serialize(back, Json));
    }

    /// <summary>Members that may be left out (they have a documented default); every other member is required.</summary>
    private static readonly HashSet<string> Optional = ["note", "duplicateOf", "reporter", "priority", "attachments", "slaPolicy", "microGridId", "buildingId", "unitId", "floor", "address"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Removing_any_required_member_of_a_command_is_an_error_naming_it(CaseCommand command)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(command, Json))!.AsObject();
        foreach (var member in json.Select(p => p.Key).Where(k => k != "type" && !Optional.Contains(k)).ToList())
        {
            var without = json.DeepClone().AsObject();
            without.Remove(member);
            var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>(without.ToJsonString(), Json));
            Assert.Contains(member, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Removing_any_required_member_of_a_registration_or_history_entry_is_an_error_naming_it()
    {
        var c = CaseWorkflowModelTests.Workflow.Register(new CaseRegistration("E1", CaseSource.ResidentReport, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", Instant.FromUtc(2026, 3, 2, 1, 0)));
        c.Respond(GridWorker(1), Instant.FromUtc(2026, 3, 2, 1, 10));
        void Check<T>(T value)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value, Json))!.AsObject();
            foreach (var member in json.Select(p => p.Key).Where(k => !Optional.Contains(k)).ToList())
            {
                var without = json.DeepClone().AsObject();
                without.Remove(member);
                var e = Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<T>(without.ToJsonString(), Json));
                Assert.True(e is JsonException or NotSupportedException, $"{typeof(T).Name} without '{member}': {e.GetType().Name}");
            }
        }

        Check(c.Registration);
        Check(c.History[0]);
    }

    [Fact]
    public void Missing_required_members_and_unknown_discriminators_are_errors_never_defaults()
    {
        // System.Text.Json reports a missing discriminator as NotSupportedException, with the path in its message.
        Assert.Contains("Path: $", Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<CaseCommand>("{}", Json)).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>("""{"type":"Governance.Cases.RespondCommand","actor":"a","at":"2026-03-02T01:00:00Z"}""", Json));
        var noActor = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>("""{"type":"respond","at":"2026-03-02T01:00:00Z"}""", Json));
        Assert.Contains("actor", noActor.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>("""{"type":"respond","actor":"","at":"2026-03-02T01:00:00Z"}""", Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseCommand>("""{"type":"give-feedback","actor":"a","at":"2026-03-02T01:00:00Z","satisfaction":0}""", Json));
        var entry = """{"sequence":1,"command":{"type":"respond","actor":"a","at":"2026-03-02T01:00:00Z"},"actingRole":"GridWorker","from":"Registered","to":"Responded"}""";
        var noLevel = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseHistoryEntry>(entry, Json));
        Assert.Contains("level", noLevel.Message, StringComparison.Ordinal);
        Assert.Equal("$.command.actor", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CaseHistoryEntry>(entry.Replace("\"actor\":\"a\"", "\"actor\":7", StringComparison.Ordinal), Json)).Path);
    }

    [Fact]
    public void Ids_parse_for_route_binding_and_refuse_empty_codes()
    {
        Assert.Equal(new Id<Case>("E1"), Id<Case>.Parse("E1", null));
        Assert.False(Id<Case>.TryParse(" ", null, out _));
        Assert.Throws<FormatException>(() => Id<Case>.Parse("", null));
        Assert.Equal("{\"JL-G1\":1}", JsonSerializer.Serialize(new Dictionary<Id<Grid>, int> { ["JL-G1"] = 1 }, Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Id<Grid>>("null", Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Id<Grid>>("\"\""));
    }
}
