using Governance.Calendars;
using Governance.Cases;

namespace Governance.Sla;

/// <summary>
/// 时限引擎 — computes deadlines and SLA states for cases from a policy set and a deadline calculator (calendar and
/// time zone). Stateless and thread-safe; the per-case state (pauses, priority changes, thresholds already reported)
/// lives in the <see cref="CaseSla"/> it creates.
/// </summary>
public sealed class SlaEngine
{
    /// <summary>Creates an engine.</summary>
    /// <param name="policies">The policy set.</param>
    /// <param name="calculator">The deadline calculator (calendar and zone).</param>
    public SlaEngine(SlaPolicySet policies, DeadlineCalculator calculator)
    {
        Policies = policies ?? throw new ArgumentNullException(nameof(policies));
        Calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
    }

    /// <summary>The policy set.</summary>
    public SlaPolicySet Policies { get; }

    /// <summary>The deadline calculator.</summary>
    public DeadlineCalculator Calculator { get; }

    /// <summary>Starts tracking a case's SLA.</summary>
    /// <param name="case">The case.</param>
    /// <returns>Its tracker.</returns>
    public CaseSla Track(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new CaseSla(this, @case.Id, @case.Priority);
    }
}
