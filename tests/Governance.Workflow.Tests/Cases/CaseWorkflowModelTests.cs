using FsCheck.Xunit;
using Governance.Cases;
using Governance.Organisation;
using Governance.People;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Cases;

/// <summary>
/// Model-based test: random (actor, command) sequences against a small reference model of the workflow and
/// the default authorization rules. After every step the case agrees with the model; every refused command
/// leaves the case unchanged; Closed and Rejected are terminal.
/// </summary>
public class CaseWorkflowModelTests
{
    internal static readonly CaseWorkflow Workflow = new(JiuLong());
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Id<Person> Cadre = "JL-CD1";
    private static readonly Id<Person>[] Actors =
        [GridWorker(1), GridWorker(2), GridLeader(1), CommunitySecretary, SubDistrictOfficer, Supervisor, PoliceLiaison, Cadre, "JL-R1"];

    private static readonly OrganisationLevel[] Ladder = [OrganisationLevel.Grid, OrganisationLevel.Cooperative, OrganisationLevel.Community, OrganisationLevel.SubDistrict];

    public sealed record Step(int Actor, CaseTrigger Trigger, Satisfaction Satisfaction)
    {
        public override string ToString() => $"{Actors[Actor]}:{Trigger}{(Trigger == CaseTrigger.GiveFeedback ? "/" + Satisfaction : "")}";
    }

    private static readonly Gen<Step> Steps =
        from actor in Gen.Choose(0, Actors.Length - 1)
        from trigger in Gen.Elements(Enum.GetValues<CaseTrigger>())
        from satisfaction in Gen.Elements(Satisfaction.Satisfied, Satisfaction.MostlySatisfied, Satisfaction.Unsatisfied)
        select new Step(actor, trigger, satisfaction);

    private static readonly Step[] MainPath =
        [new(0, CaseTrigger.Respond, default), new(0, CaseTrigger.Claim, default), new(0, CaseTrigger.Resolve, default), new(0, CaseTrigger.GiveFeedback, Satisfaction.Satisfied), new(0, CaseTrigger.Close, default)];

    private static Step[] ExtensionPath(CaseTrigger decision) =>
        [new(0, CaseTrigger.Respond, default), new(0, CaseTrigger.Claim, default), new(0, CaseTrigger.RequestExtension, default), new(3, decision, default)];

    // Sequences biased towards the main path (single steps and the whole loop as a run) so that deep states are reached often.
    internal static readonly Gen<Step[]> Sequences = Gen.ArrayOf(Gen.Frequency(
        (12, Steps.Select(s => new[] { s })),
        (8, Gen.Elements(
            new Step(0, CaseTrigger.Respond, default), new Step(0, CaseTrigger.Claim, default), new Step(0, CaseTrigger.Resolve, default),
            new Step(0, CaseTrigger.GiveFeedback, Satisfaction.Satisfied), new Step(0, CaseTrigger.GiveFeedback, Satisfaction.Unsatisfied),
            new Step(0, CaseTrigger.Close, default), new Step(2, CaseTrigger.Escalate, default), new Step(3, CaseTrigger.Claim, default),
            new Step(3, CaseTrigger.SummonDepartments, default), new Step(6, CaseTrigger.ReportIn, default), new Step(7, CaseTrigger.Claim, default),
            new Step(5, CaseTrigger.OverrideClose, default), new Step(0, CaseTrigger.Pause, default), new Step(0, CaseTrigger.Resume, default)).Select(s => new[] { s })),
        (4, Gen.Elements(
            new Step(0, CaseTrigger.Return, default), new Step(3, CaseTrigger.Dispatch, default), new Step(0, CaseTrigger.RequestExtension, default),
            new Step(3, CaseTrigger.ApproveExtension, default), new Step(3, CaseTrigger.RefuseExtension, default),
            new Step(0, CaseTrigger.RequestExclusion, default), new Step(4, CaseTrigger.ApproveExclusion, default), new Step(5, CaseTrigger.RefuseExclusion, default)).Select(s => new[] { s })),
        (1, Gen.Elements(MainPath, ExtensionPath(CaseTrigger.ApproveExtension), ExtensionPath(CaseTrigger.RefuseExtension))))).Select(a => a.SelectMany(x => x).Take(40).ToArray());

    private sealed class Model
    {
        public CaseState State = CaseState.Registered;
        public int History;
        public int Reopens;
        public int Level;
        public int Grid = 1;
        public Id<Person>? Claimant;
        public bool PolicePending;
        public bool Paused;
        public readonly List<int> Returned = [];
        public Id<Person>? ExtensionAskedBy;
        public Id<Person>? ExclusionAskedBy;
        public bool Excluded;

        private static readonly CaseTrigger[] Exclusions = [CaseTrigger.RequestExclusion, CaseTrigger.ApproveExclusion, CaseTrigger.RefuseExclusion];
        private static readonly CaseTrigger[] Clocks = [CaseTrigger.Pause, CaseTrigger.Resume, CaseTrigger.ChangePriority, .. Exclusions];
        private static readonly CaseTrigger[] Decisions = [CaseTrigger.ApproveExtension, CaseTrigger.RefuseExtension];

        /// <summary>The grid a returned order is dispatched to: the first of grids 1–4 that has not returned it (its own when all have).</summary>
        public static int DispatchTarget(IEnumerable<int> returned, int current) =>
            Enumerable.Range(1, 4).Where(g => !returned.Contains(g)).DefaultIfEmpty(current).First();

        private static readonly Dictionary<CaseState, CaseTrigger[]> Permitted = new()
        {
            [CaseState.Registered] = [CaseTrigger.Respond, CaseTrigger.Transfer, CaseTrigger.Reject, CaseTrigger.Return, .. Clocks],
            [CaseState.Responded] = [CaseTrigger.Claim, CaseTrigger.Escalate, CaseTrigger.SummonDepartments, CaseTrigger.ReportIn, CaseTrigger.RecordMeeting, CaseTrigger.Transfer, CaseTrigger.Reject, CaseTrigger.OverrideClose, CaseTrigger.Return, .. Decisions, .. Clocks],
            [CaseState.Claimed] = [CaseTrigger.Resolve, CaseTrigger.Escalate, CaseTrigger.SummonDepartments, CaseTrigger.ReportIn, CaseTrigger.RecordMeeting, CaseTrigger.Transfer, CaseTrigger.OverrideClose, CaseTrigger.RequestExtension, .. Decisions, .. Clocks],
            [CaseState.Resolved] = [CaseTrigger.GiveFeedback, CaseTrigger.ReportIn, CaseTrigger.OverrideClose, .. Clocks],
            [CaseState.FeedbackGiven] = [CaseTrigger.Close, .. Exclusions],
            [CaseState.Returned] = [CaseTrigger.Dispatch, CaseTrigger.Reject, .. Exclusions],
            [CaseState.Closed] = [],
            [CaseState.Rejected] = [],
        };

        public bool Accepts(Id<Person> a, Step s)
        {
            if (!Permitted[State].Contains(s.Trigger))
            {
                return false;
            }

            var gridWorker = GridWorker(Grid);
            var leaders = new[] { GridLeader(1), CommunitySecretary, SubDistrictOfficer };
            return s.Trigger switch
            {
                CaseTrigger.Respond or CaseTrigger.Claim => Ladder[Level] switch
                {
                    OrganisationLevel.Grid => a == gridWorker || a == GridLeader(1),
                    OrganisationLevel.Cooperative => a == Cadre || a == CommunitySecretary,
                    OrganisationLevel.Community => a == CommunitySecretary,
                    _ => a == SubDistrictOfficer,
                },
                CaseTrigger.Resolve => a == Claimant,
                // The grid worker reports upward from the grid; the leaders from anywhere below the top.
                CaseTrigger.Escalate => Level < Ladder.Length - 1 && (leaders.Contains(a) || (a == gridWorker && Ladder[Level] <= OrganisationLevel.Grid)),
                CaseTrigger.Reject => leaders.Contains(a),
                CaseTrigger.Transfer => leaders.Contains(a) && !Returned.Contains(Grid == 1 ? 2 : 1),
                CaseTrigger.SummonDepartments => !PolicePending && (a == CommunitySecretary || a == SubDistrictOfficer),
                CaseTrigger.ReportIn => PolicePending && a == PoliceLiaison,
                CaseTrigger.RecordMeeting => a == GridLeader(1) || a == CommunitySecretary,
                CaseTrigger.GiveFeedback or CaseTrigger.Close => a == gridWorker || a == GridLeader(1) || a == Claimant || a == CommunitySecretary,
                CaseTrigger.OverrideClose => a == Supervisor,
                CaseTrigger.Pause or CaseTrigger.Resume => Paused == (s.Trigger == CaseTrigger.Resume)
                    && (a == Claimant || a == gridWorker || leaders.Contains(a)),
                CaseTrigger.ChangePriority => leaders.Contains(a) || a == Supervisor,
                CaseTrigger.Return => Ladder[Level] <= OrganisationLevel.Grid && (a == gridWorker || a == GridLeader(1)),
                CaseTrigger.Dispatch => !Returned.Contains(DispatchTarget(Returned, Grid)) && (a == CommunitySecretary || a == SubDistrictOfficer),
                CaseTrigger.RequestExtension => ExtensionAskedBy is null && (a == Claimant || a == gridWorker || a == GridLeader(1)),
                CaseTrigger.ApproveExtension or CaseTrigger.RefuseExtension => ExtensionAskedBy is { } asker && a != asker && Ladder[Level] switch
                {
                    <= OrganisationLevel.Cooperative => a == CommunitySecretary || a == SubDistrictOfficer,
                    OrganisationLevel.Community => a == SubDistrictOfficer,
                    _ => a == Supervisor,
                },
                CaseTrigger.RequestExclusion => !Excluded && ExclusionAskedBy is null && (a == Claimant || a == gridWorker || a == GridLeader(1) || a == CommunitySecretary),
                CaseTrigger.ApproveExclusion or CaseTrigger.RefuseExclusion => ExclusionAskedBy is { } excluder && a != excluder && (a == SubDistrictOfficer || a == Supervisor),
                _ => false,
            };
        }

        public void Apply(Id<Person> a, Step s)
        {
            History++;
            if (s.Trigger is CaseTrigger.Resolve or CaseTrigger.Transfer or CaseTrigger.Return or CaseTrigger.Close or CaseTrigger.OverrideClose or CaseTrigger.Reject)
            {
                ExtensionAskedBy = null;
            }

            if (s.Trigger is CaseTrigger.Close or CaseTrigger.OverrideClose or CaseTrigger.Reject)
            {
                ExclusionAskedBy = null;
            }

            switch (s.Trigger)
            {
                case CaseTrigger.Respond: State = CaseState.Responded; break;
                case CaseTrigger.Claim: State = CaseState.Claimed; Claimant = a; break;
                case CaseTrigger.Escalate: State = CaseState.Responded; Level++; Claimant = null; break;
                case CaseTrigger.SummonDepartments: PolicePending = true; break;
                case CaseTrigger.ReportIn: PolicePending = false; break;
                case CaseTrigger.Resolve: State = CaseState.Resolved; break;
                case CaseTrigger.GiveFeedback when s.Satisfaction == Satisfaction.Unsatisfied: State = CaseState.Claimed; Reopens++; break;
                case CaseTrigger.GiveFeedback: State = CaseState.FeedbackGiven; break;
                case CaseTrigger.Close or CaseTrigger.OverrideClose: State = CaseState.Closed; break;
                case CaseTrigger.Reject: State = CaseState.Rejected; break;
                case CaseTrigger.Transfer: State = CaseState.Registered; Grid = Grid == 1 ? 2 : 1; Level = 0; Claimant = null; break;
                case CaseTrigger.Pause: Paused = true; break;
                case CaseTrigger.Resume: Paused = false; break;
                case CaseTrigger.Return: State = CaseState.Returned; Returned.Add(Grid); Claimant = null; break;
                case CaseTrigger.Dispatch: State = CaseState.Registered; Grid = DispatchTarget(Returned, Grid); Level = 0; Claimant = null; break;
                case CaseTrigger.RequestExtension: ExtensionAskedBy = a; break;
                case CaseTrigger.ApproveExtension or CaseTrigger.RefuseExtension: ExtensionAskedBy = null; break;
                case CaseTrigger.RequestExclusion: ExclusionAskedBy = a; break;
                case CaseTrigger.ApproveExclusion: ExclusionAskedBy = null; Excluded = true; break;
                case CaseTrigger.RefuseExclusion: ExclusionAskedBy = null; break;
            }
        }
    }

    internal static CaseRegistration Registration() =>
        new("model", CaseSource.ResidentReport, CaseCategory.CorridorClutter, new CaseLocation(Grid(1)), "楼道堆物", T0);

    private static CaseCommand ToCommand(Case c, Step s, Instant at)
    {
        var a = Actors[s.Actor];
        return s.Trigger switch
        {
            CaseTrigger.Respond => new RespondCommand(a, at),
            CaseTrigger.Claim => new ClaimCommand(a, at),
            CaseTrigger.Escalate => new EscalateCommand(a, at, "网格无法解决"),
            CaseTrigger.SummonDepartments => new SummonDepartmentsCommand(a, at, [Department.Police]),
            CaseTrigger.ReportIn => new ReportInCommand(a, at, Department.Police),
            CaseTrigger.RecordMeeting => new RecordMeetingCommand(a, at, ["派出所", "物业"], "限期清理"),
            CaseTrigger.Resolve => new ResolveCommand(a, at),
            CaseTrigger.GiveFeedback => new GiveFeedbackCommand(a, at, s.Satisfaction),
            CaseTrigger.Close => new CloseCommand(a, at),
            CaseTrigger.OverrideClose => new OverrideCloseCommand(a, at, "督导决定办结"),
            CaseTrigger.Reject => new RejectCommand(a, at, RejectionKind.Invalid, "无此问题"),
            CaseTrigger.Pause => new PauseCommand(a, at, "住户外出"),
            CaseTrigger.Resume => new ResumeCommand(a, at),
            CaseTrigger.ChangePriority => new ChangePriorityCommand(a, at, c.Priority == Priority.Normal ? Priority.Urgent : Priority.Normal),
            CaseTrigger.Return => new ReturnCommand(a, at, "不属于本网格"),
            CaseTrigger.Dispatch => new DispatchCommand(a, at, Grid(Model.DispatchTarget(c.Returns.Select(r => int.Parse(r.GridId.Value[4..])), int.Parse(c.GridId.Value[4..])))),
            CaseTrigger.RequestExtension => new RequestExtensionCommand(a, at, Duration.FromDays(1), "需协调产权单位"),
            CaseTrigger.ApproveExtension => new ApproveExtensionCommand(a, at, Duration.FromDays(1)),
            CaseTrigger.RefuseExtension => new RefuseExtensionCommand(a, at, "理由不充分"),
            CaseTrigger.RequestExclusion => new RequestExclusionCommand(a, at, ExclusionKind.Unreasonable, "诉求超出政策范围"),
            CaseTrigger.ApproveExclusion => new ApproveExclusionCommand(a, at),
            CaseTrigger.RefuseExclusion => new RefuseExclusionCommand(a, at, "不符合核减条件"),
            CaseTrigger.Transfer => new TransferCommand(a, at, c.GridId == Grid(1) ? Grid(2) : Grid(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Trigger, "The model does not know this trigger."),
        };
    }

    private static object Snapshot(Case c) =>
        (c.State, c.History.Count, c.DomainEvents.Count, c.Level, c.Claimant, c.ClaimedAs, c.GridId, c.ReopenCount, c.Summons.Count, c.AwaitingReportIn.Count(), c.Meetings.Count, c.LastActivityAt, c.Satisfaction, (c.IsPaused, c.Priority, c.Returns.Count, c.PendingExtension, c.PendingExclusion, c.Exclusion, c.Extensions.Count, c.ExclusionRequests.Count));

    internal static (Case Case, bool Agreed) Run(Step[] steps)
    {
        var c = Workflow.Register(Registration());
        var model = new Model();
        for (var i = 0; i < steps.Length; i++)
        {
            var at = T0 + Duration.FromMinutes(i + 1);
            var actor = Actors[steps[i].Actor];
            var expected = model.Accepts(actor, steps[i]);
            var before = Snapshot(c);
            bool accepted;
            try
            {
                c.Execute(ToCommand(c, steps[i], at));
                accepted = true;
            }
            catch (CaseCommandRejectedException)
            {
                accepted = false;
                if (!Equals(before, Snapshot(c)))
                {
                    return (c, false);
                }
            }

            if (accepted != expected)
            {
                return (c, false);
            }

            if (accepted)
            {
                model.Apply(actor, steps[i]);
            }

            if (c.State != model.State || c.History.Count != model.History || c.ReopenCount != model.Reopens || c.Level != Ladder[model.Level] || c.IsPaused != model.Paused
                || c.GridId != Grid(model.Grid) || c.Returns.Count != model.Returned.Count || (c.Exclusion is not null) != model.Excluded
                || c.PendingExtension?.RequestedBy != model.ExtensionAskedBy || c.PendingExclusion?.RequestedBy != model.ExclusionAskedBy)
            {
                return (c, false);
            }
        }

        return (c, true);
    }

    [Property(MaxTest = 300)]
    public Property Random_command_sequences_agree_with_the_reference_model() =>
        Prop.ForAll(Sequences.ToArbitrary(), steps => Run(steps).Agreed);

    [Property(MaxTest = 200)]
    public Property Replaying_the_history_yields_the_same_case() =>
        Prop.ForAll(Sequences.ToArbitrary(), steps =>
        {
            var (c, _) = Run(steps);
            var again = Workflow.Replay(Registration(), c.History.Select(h => h.Command));
            return again.State == c.State && again.Level == c.Level && again.GridId == c.GridId && again.ReopenCount == c.ReopenCount
                && again.History.SequenceEqual(c.History) && again.DomainEvents.Count == c.DomainEvents.Count;
        });

    [Property(MaxTest = 200)]
    public Property Closed_only_after_the_whole_loop_or_an_override_and_terminal_states_stay_terminal() =>
        Prop.ForAll(Sequences.ToArbitrary(), steps =>
        {
            var (c, _) = Run(steps);
            var triggers = c.History.Select(h => h.Trigger).ToList();
            var loop = triggers.Contains(CaseTrigger.Respond) && triggers.Contains(CaseTrigger.Claim) && triggers.Contains(CaseTrigger.Resolve)
                && c.History.Any(h => h.To == CaseState.FeedbackGiven);
            var closedOk = c.State != CaseState.Closed || loop || triggers.Contains(CaseTrigger.OverrideClose);
            var terminalIndex = c.History.ToList().FindIndex(h => h.To is CaseState.Closed or CaseState.Rejected);
            var terminalLast = terminalIndex < 0 || terminalIndex == c.History.Count - 1;
            return closedOk && terminalLast && (!c.IsTerminal || c.PermittedTriggers.Count == 0);
        });

    /// <summary>
    /// The workflow answers from a table tabulated once from its Stateless definition. The table must agree
    /// with a Stateless machine configured and fired per case (issue #232's way) on every command, including
    /// commands whose notes, actors and satisfaction vary, so that the guard input captures all the guards read.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property The_transition_table_agrees_with_a_Stateless_machine_fired_per_case() =>
        Prop.ForAll(Sequences.ToArbitrary(), steps =>
        {
            var probe = Workflow.Register(Registration());
            var state = CaseState.Registered;
            var handled = true;
            var (machine, triggers) = CaseWorkflow.BuildMachine(() => state, s => state = s);
            machine.OnUnhandledTrigger((_, _) => handled = false);
            for (var i = 0; i < steps.Length; i++)
            {
                var command = ToCommand(probe, steps[i], T0 + Duration.FromMinutes(i));
                var expectedFrom = state;
                var table = Workflow.Destination(state, command.Trigger, CaseWorkflow.GuardInput(command));
                handled = true;
                machine.Fire(triggers[(int)command.Trigger], command);
                var stateless = handled ? state : (CaseState?)null;
                if (table != stateless || (table is null && state != expectedFrom))
                {
                    return false.Label($"step {i} ({steps[i]}) from {expectedFrom}: table {table?.ToString() ?? "refuses"}, Stateless {stateless?.ToString() ?? "refuses"}");
                }
            }

            return true.ToProperty();
        });

    /// <summary>The generator is worth its name only if the sequences reach every state and have every trigger accepted.</summary>
    [Fact]
    public void The_generated_sequences_reach_every_state_and_have_every_trigger_accepted()
    {
        var summoned = Run([new(0, CaseTrigger.Respond, default), new(3, CaseTrigger.SummonDepartments, default), new(6, CaseTrigger.ReportIn, default)]);
        Assert.True(summoned.Agreed);
        Assert.Equal(3, summoned.Case.History.Count);
        var main = Run(MainPath);
        Assert.True(main.Agreed);
        Assert.Equal(CaseState.Closed, main.Case.State);
        var runs = Sequences.Sample(2000).Select(Run).ToList();
        Assert.All(runs, r => Assert.True(r.Agreed));
        var histories = runs.Select(r => r.Case.History).ToList();
        var accepted = histories.SelectMany(h => h.Select(e => e.Trigger)).ToHashSet();
        var reached = histories.SelectMany(h => h.Select(e => e.To)).ToHashSet();
        Assert.Equal(Enum.GetValues<CaseTrigger>().Order(), accepted.Order());
        Assert.Equal(Enum.GetValues<CaseState>().Except([CaseState.Registered]).Order(), reached.Except([CaseState.Registered]).Order());
    }

    [Fact]
    public void Every_state_permits_exactly_the_triggers_its_Stateless_configuration_names()
    {
        var info = CaseWorkflow.BuildMachine(() => CaseState.Registered, _ => { }).Machine.GetInfo();
        foreach (var state in info.States)
        {
            var configured = state.FixedTransitions.Select(t => (CaseTrigger)t.Trigger.UnderlyingTrigger)
                .Concat(state.DynamicTransitions.Select(t => (CaseTrigger)t.Trigger.UnderlyingTrigger))
                .Distinct().Order();
            Assert.Equal(configured, Workflow.PermittedTriggers((CaseState)state.UnderlyingState));
        }
    }
}
