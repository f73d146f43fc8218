using System.Diagnostics;
using System.Diagnostics.Metrics;
using Governance.Cases;
using Governance.Sla;

namespace Governance.Diagnostics;

/// <summary>
/// 运行指标 — the meter and activity source of Governance.Workflow (BCL <see cref="Meter"/> and <see cref="ActivitySource"/>,
/// no logging framework). Listen with OpenTelemetry (<c>.AddMeter(WorkflowTelemetry.MeterName)</c>,
/// <c>.AddSource(WorkflowTelemetry.ActivitySourceName)</c>) or a <see cref="MeterListener"/>. Instruments:
/// <list type="table">
/// <listheader><term>instrument</term><description>what it counts (tags)</description></listheader>
/// <item><term><c>governance.workflow.cases.registered</c></term><description>cases registered (<c>source</c>)</description></item>
/// <item><term><c>governance.workflow.commands.accepted</c></term><description>commands accepted (<c>trigger</c>)</description></item>
/// <item><term><c>governance.workflow.commands.refused</c></term><description>commands refused (<c>trigger</c>, <c>reason</c>: a <see cref="RefusalReason"/>)</description></item>
/// <item><term><c>governance.sla.thresholds.crossed</c></term><description>SLA thresholds reported by <see cref="CaseSla.Evaluate"/> (<c>step</c>, <c>percent</c>)</description></item>
/// </list>
/// Activities: <c>case.command</c> around each command (tags <c>case.id</c>, <c>trigger</c>).
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The meter's name: <c>Governance.Workflow</c>.</summary>
    public const string MeterName = "Governance.Workflow";

    /// <summary>The activity source's name: <c>Governance.Workflow</c>.</summary>
    public const string ActivitySourceName = "Governance.Workflow";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Registered = Meter.CreateCounter<long>("governance.workflow.cases.registered", "{case}", "Cases registered.");
    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>("governance.workflow.commands.accepted", "{command}", "Case commands accepted.");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("governance.workflow.commands.refused", "{command}", "Case commands refused, by reason.");
    private static readonly Counter<long> Crossed = Meter.CreateCounter<long>("governance.sla.thresholds.crossed", "{threshold}", "SLA warning thresholds and breaches reported.");

    internal static void CaseRegistered(CaseSource source)
    {
        if (Registered.Enabled)
        {
            Registered.Add(1, new KeyValuePair<string, object?>("source", source.Code));
        }
    }

    internal static void CommandAccepted(CaseTrigger trigger)
    {
        if (Accepted.Enabled)
        {
            Accepted.Add(1, new KeyValuePair<string, object?>("trigger", trigger.ToString()));
        }
    }

    internal static void CommandRefused(CaseTrigger trigger, RefusalReason reason)
    {
        if (Refused.Enabled)
        {
            Refused.Add(1, new KeyValuePair<string, object?>("trigger", trigger.ToString()), new KeyValuePair<string, object?>("reason", reason.ToString()));
        }
    }

    internal static void ThresholdCrossed(SlaStep step, int percent)
    {
        if (Crossed.Enabled)
        {
            Crossed.Add(1, new KeyValuePair<string, object?>("step", step.ToString()), new KeyValuePair<string, object?>("percent", percent));
        }
    }
}
