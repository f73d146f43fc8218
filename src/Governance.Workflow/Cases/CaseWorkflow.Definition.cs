using Governance.Organisation;
using Governance.People;
using Governance.Resources;
using Governance.Sla;
using Stateless;
using static Governance.Cases.CaseState;
using static Governance.Cases.CaseTrigger;

namespace Governance.Cases;

/// <content>The definition: the Stateless configuration, one block per state, and the table tabulated from it.</content>
public sealed partial class CaseWorkflow
{
    /// <summary>The guard input of a command: what the workflow's guards read (the satisfaction of feedback).</summary>
    internal static int GuardInput(CaseCommand command) => command is GiveFeedbackCommand f ? (int)f.Satisfaction - (int)Satisfaction.Satisfied : 0;

    private static int Index(CaseState state, CaseTrigger trigger, int guardInput) =>
        ((((int)state * TriggerCount) + (int)trigger) * GuardInputs) + guardInput;

    /// <summary>
    /// Configures the machine and fires it once for every (state, trigger, guard input); <c>OnTransitioned</c> reports
    /// each destination (an internal transition reports none and stays where it is), an unhandled trigger "not permitted".
    /// </summary>
    private static (Stateless.Reflection.StateMachineInfo Info, sbyte[] Transitions) Tabulate()
    {
        var state = Registered;
        var destination = Registered;
        var handled = true;
        var (machine, triggers) = BuildMachine(() => state, s => state = s);
        machine.OnUnhandledTrigger((_, _) => handled = false);
        machine.OnTransitioned(t => destination = t.Destination);
        var info = machine.GetInfo();

        var transitions = new sbyte[StateCount * TriggerCount * GuardInputs];
        foreach (var from in Enum.GetValues<CaseState>())
        {
            foreach (var trigger in Enum.GetValues<CaseTrigger>())
            {
                for (var input = 0; input < GuardInputs; input++)
                {
                    (state, destination, handled) = (from, from, true);
                    machine.Fire(triggers[(int)trigger], Probe(trigger, input));
                    transitions[Index(from, trigger, input)] = handled ? (sbyte)destination : (sbyte)-1;
                }
            }
        }

        return (info, transitions);
    }

    /// <summary>A configured Stateless machine of the workflow over external state storage, with its parameterised triggers.</summary>
    internal static (StateMachine<CaseState, CaseTrigger> Machine, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] Triggers) BuildMachine(
        Func<CaseState> read, Action<CaseState> write)
    {
        var machine = new StateMachine<CaseState, CaseTrigger>(read, write, FiringMode.Immediate);
        var triggers = Enum.GetValues<CaseTrigger>().Select(t => machine.SetTriggerParameters<CaseCommand>(t)).ToArray();
        Configure(machine, triggers);
        return (machine, triggers);
    }

    /// <summary>A command of the trigger's type carrying the guard input, for tabulating the machine.</summary>
    private static CaseCommand Probe(CaseTrigger trigger, int guardInput) => trigger switch
    {
        Respond => new RespondCommand(default, default),
        Claim => new ClaimCommand(default, default),
        Escalate => new EscalateCommand(default, default, "probe"),
        SummonDepartments => new SummonDepartmentsCommand(default, default, []),
        ReportIn => new ReportInCommand(default, default, Department.Police),
        RecordMeeting => new RecordMeetingCommand(default, default, [], "probe"),
        Resolve => new ResolveCommand(default, default),
        GiveFeedback => new GiveFeedbackCommand(default, default, (Satisfaction)(guardInput + (int)Satisfaction.Satisfied)),
        Close => new CloseCommand(default, default),
        OverrideClose => new OverrideCloseCommand(default, default, "probe"),
        Reject => new RejectCommand(default, default, RejectionKind.Invalid, "probe"),
        Transfer => new TransferCommand(default, default, default),
        Pause => new PauseCommand(default, default, "probe"),
        Resume => new ResumeCommand(default, default),
        ChangePriority => new ChangePriorityCommand(default, default, Priority.Urgent),
        Return => new ReturnCommand(default, default, "probe"),
        Dispatch => new DispatchCommand(default, default, default),
        RequestExtension => new RequestExtensionCommand(default, default, Duration.FromDays(1), "probe"),
        ApproveExtension => new ApproveExtensionCommand(default, default, Duration.FromDays(1)),
        RefuseExtension => new RefuseExtensionCommand(default, default, "probe"),
        RequestExclusion => new RequestExclusionCommand(default, default, ExclusionKind.Invalid, "probe"),
        ApproveExclusion => new ApproveExclusionCommand(default, default),
        RefuseExclusion => new RefuseExclusionCommand(default, default, "probe"),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, WorkflowMessages.Text("ExpectedDefinedCaseTrigger")),
    };

    /// <summary>
    /// The workflow, one block per state: 登记 → 响应 → 认领 → 解决 → 反馈 → 办结, with the 12345 work-order steps
    /// (退单 → 已退单 → 派单; 延期 and 核减 requests and their decisions, which do not move the case).
    /// </summary>
    private static void Configure(StateMachine<CaseState, CaseTrigger> m, StateMachine<CaseState, CaseTrigger>.TriggerWithParameters<CaseCommand>[] t)
    {
        static bool Unsatisfied(CaseCommand c) => c is GiveFeedbackCommand { Satisfaction: Satisfaction.Unsatisfied };
        static void Record(CaseCommand command, StateMachine<CaseState, CaseTrigger>.Transition transition)
        {
            // Summons, report-ins, meetings, pauses, priority changes and requests are recorded on the case by the workflow.
        }

        // The SLA clocks and the exclusion requests are handled the same way in every state that is not finished.
        StateMachine<CaseState, CaseTrigger>.StateConfiguration Clocks(StateMachine<CaseState, CaseTrigger>.StateConfiguration s) => s
            .InternalTransition(t[(int)Pause], Record)
            .InternalTransition(t[(int)Resume], Record)
            .InternalTransition(t[(int)ChangePriority], Record)
            .InternalTransition(t[(int)RequestExclusion], Record)
            .InternalTransition(t[(int)ApproveExclusion], Record)
            .InternalTransition(t[(int)RefuseExclusion], Record);

        Clocks(m.Configure(Registered)
            .Permit(Respond, Responded)
            .PermitReentry(Transfer)
            .Permit(Return, Returned)
            .Permit(Reject, Rejected));

        Clocks(m.Configure(Responded)
            .Permit(Claim, Claimed)
            .PermitReentry(Escalate)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .InternalTransition(t[(int)ApproveExtension], Record)
            .InternalTransition(t[(int)RefuseExtension], Record)
            .Permit(Transfer, Registered)
            .Permit(Return, Returned)
            .Permit(Reject, Rejected)
            .Permit(OverrideClose, Closed));

        Clocks(m.Configure(Claimed)
            .Permit(Resolve, Resolved)
            .Permit(Escalate, Responded)
            .InternalTransition(t[(int)SummonDepartments], Record)
            .InternalTransition(t[(int)ReportIn], Record)
            .InternalTransition(t[(int)RecordMeeting], Record)
            .InternalTransition(t[(int)RequestExtension], Record)
            .InternalTransition(t[(int)ApproveExtension], Record)
            .InternalTransition(t[(int)RefuseExtension], Record)
            .Permit(Transfer, Registered)
            .Permit(OverrideClose, Closed));

        Clocks(m.Configure(Resolved)
            .PermitIf(t[(int)GiveFeedback], CaseState.FeedbackGiven, c => !Unsatisfied(c), "满意/基本满意")
            .PermitIf(t[(int)GiveFeedback], Claimed, Unsatisfied, "不满意: 重办")
            .InternalTransition(t[(int)ReportIn], Record)
            .Permit(OverrideClose, Closed));

        m.Configure(CaseState.FeedbackGiven)
            .Permit(Close, Closed)
            .InternalTransition(t[(int)RequestExclusion], Record)
            .InternalTransition(t[(int)ApproveExclusion], Record)
            .InternalTransition(t[(int)RefuseExclusion], Record);

        // 已退单: the dispatcher sends the order to another grid, or rejects it; the clocks stand while it waits.
        m.Configure(Returned)
            .Permit(Dispatch, Registered)
            .Permit(Reject, Rejected)
            .InternalTransition(t[(int)RequestExclusion], Record)
            .InternalTransition(t[(int)ApproveExclusion], Record)
            .InternalTransition(t[(int)RefuseExclusion], Record);

        m.Configure(Closed);
        m.Configure(Rejected);
    }
}
