namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 事件台账行 — a stored case: its registration (as JSON) and the read model the store keeps in step with its history in the
/// same transaction as every append (state, where, what, when, the pinned SLA policy, the version), for queries.
/// </summary>
/// <remarks>The store's own entity, not the domain's: the domain's <c>Case</c> is rebuilt from the registration and the history.</remarks>
public sealed class CaseRow
{
    /// <summary>The case id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The registration as JSON (<c>GovernanceJson.Options</c>).</summary>
    public string Registration { get; set; } = "";

    /// <summary>The number of history entries (<c>Case.Version</c>).</summary>
    public int Version { get; set; }

    /// <summary>The state after the latest entry.</summary>
    public Governance.Cases.CaseState State { get; set; }

    /// <summary>The grid responsible now.</summary>
    public string GridId { get; set; } = "";

    /// <summary>The category's code.</summary>
    public string Category { get; set; } = "";

    /// <summary>The source's code.</summary>
    public string Source { get; set; } = "";

    /// <summary>The priority now.</summary>
    public Governance.Cases.Priority Priority { get; set; }

    /// <summary>When it was registered.</summary>
    public Instant RegisteredAt { get; set; }

    /// <summary>The pinned SLA policy's name, if pinned.</summary>
    public string? SlaPolicyName { get; set; }

    /// <summary>The pinned SLA policy's version, if pinned.</summary>
    public int? SlaPolicyVersion { get; set; }

    /// <summary>The next SLA deadline of a running step, if the store was given an SLA engine and a step is running.</summary>
    public Instant? NextDeadline { get; set; }

    /// <summary>
    /// When an SLA monitor next has to evaluate the case (<see cref="CasesDueForSlaCheck"/>): the instant of its latest
    /// change, set by every append so that a changed case is evaluated at the next pass; then, once a pass has evaluated
    /// it and claimed what it crossed (<see cref="CaseStore{TContext}.MarkSlaCheckedAsync"/>), the instant of its next
    /// threshold; null when no threshold is left to report (a paused case, a closed one) until it changes again.
    /// </summary>
    public Instant? SlaCheckAt { get; set; }

    /// <summary>When it was closed or rejected; null while open.</summary>
    public Instant? ClosedAt { get; set; }
}
