using Governance.Calendars;
using Governance.Cases;
using Governance.Resources;

namespace Governance.Sla;

/// <summary>
/// 时限引擎 — computes deadlines and SLA states for cases from a policy set and a deadline calculator (calendar and
/// time zone). Stateless and thread-safe; the per-case reporting position (the thresholds already reported) lives in the
/// <see cref="CaseSla"/> it creates, and everything else comes from the case's history.
/// </summary>
/// <remarks>
/// <para>A case is judged by the policy version it is pinned to (<see cref="CaseRegistration.SlaPolicy"/>, and the
/// policy a priority change moved it to, recorded in the history). The engine finds a pinned version among the current
/// set's policies and the earlier versions given to it; a case pinned to a version it has neither raises
/// <see cref="SlaPolicyNotFoundException"/>. A case with no pin (registered by a workflow without SLA policies) is matched
/// against the current set when it is evaluated.</para>
/// </remarks>
public sealed class SlaEngine
{
    private readonly Dictionary<SlaPolicyReference, SlaPolicy> _versions = [];

    /// <summary>Creates an engine.</summary>
    /// <param name="policies">The current policy set.</param>
    /// <param name="calculator">The deadline calculator (calendar and zone).</param>
    /// <param name="earlierVersions">Earlier editions of policies that stored cases are pinned to; none if null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policies"/> or <paramref name="calculator"/> is null.</exception>
    /// <exception cref="ArgumentException">Two different policies share a name and version.</exception>
    public SlaEngine(SlaPolicySet policies, DeadlineCalculator calculator, IEnumerable<SlaPolicy>? earlierVersions = null)
    {
        Policies = policies ?? throw new ArgumentNullException(nameof(policies));
        Calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));
        foreach (var policy in policies.All.Concat(earlierVersions ?? []))
        {
            ArgumentNullException.ThrowIfNull(policy, nameof(earlierVersions));
            if (_versions.TryGetValue(policy.Reference, out var known) && !ReferenceEquals(known, policy))
            {
                throw new ArgumentException(WorkflowMessages.Format("TwoDifferentSLAPoliciesNamedVersion", policy.Name, policy.Version), nameof(earlierVersions));
            }

            _versions[policy.Reference] = policy;
        }
    }

    /// <summary>The current policy set.</summary>
    public SlaPolicySet Policies { get; }

    /// <summary>The deadline calculator.</summary>
    public DeadlineCalculator Calculator { get; }

    /// <summary>Starts tracking a case's SLA, with nothing reported yet.</summary>
    /// <param name="case">The case.</param>
    /// <returns>Its tracker.</returns>
    public CaseSla Track(Case @case) => Track(@case, null);

    /// <summary>Resumes tracking a case's SLA from a stored reporting position (<see cref="CaseSla.ReportedThresholds"/>).</summary>
    /// <param name="case">The case.</param>
    /// <param name="reported">The thresholds already reported; none if null.</param>
    /// <returns>Its tracker, which never reports those again.</returns>
    public CaseSla Track(Case @case, IEnumerable<SlaThresholdKey>? reported)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new CaseSla(this, @case.Id, reported);
    }

    /// <summary>The policy version a reference pins, if the engine has it.</summary>
    /// <param name="reference">The reference.</param>
    /// <param name="policy">The policy.</param>
    /// <returns>Whether the engine has that version.</returns>
    public bool TryGetPolicy(SlaPolicyReference reference, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SlaPolicy? policy) =>
        _versions.TryGetValue(reference, out policy);
}
