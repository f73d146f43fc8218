using Governance.Cases;
using Governance.Sla;

namespace Governance.Server;

/// <summary>A case as the staff API shows it.</summary>
internal sealed record CaseView(
    string Id, string State, int Version, string Grid, string Level, string Category, string CategoryName, string Source, string Priority,
    string Description, Instant RegisteredAt, string? Reporter, string? Claimant, bool Paused, int Escalations, string? Satisfaction,
    IReadOnlyList<string> PermittedNow, IReadOnlyList<StepView> Sla)
{
    public static CaseView Of(Case c, IReadOnlyList<SlaStepState> sla) => new(
        c.Id.Value, c.State.ToString(), c.Version, c.GridId.Value, c.Level.ToString(), c.Category.Code, c.Category.DisplayName, c.Source.Code,
        c.Priority.ToString(), c.Registration.Description, c.RegisteredAt, c.Registration.Reporter?.Value, c.Claimant?.Value, c.IsPaused,
        c.EscalationCount, c.Satisfaction?.ToString(), c.PermittedTriggers.Select(t => t.ToString()).ToArray(), sla.Select(StepView.Of).ToArray());
}

/// <summary>One SLA step of a case: its deadline, status and what is left.</summary>
internal sealed record StepView(string Step, int Cycle, string? Department, string Status, Instant Deadline, Instant? CompletedAt, double PercentUsed, Duration Remaining)
{
    public static StepView Of(SlaStepState s) =>
        new(s.Step.ToString(), s.Cycle, s.Department?.Code, s.Status.ToString(), s.Deadline, s.CompletedAt, Math.Round(s.PercentUsed, 2), s.Remaining);
}

/// <summary>One entry of a case's history.</summary>
internal sealed record HistoryView(int Sequence, Instant At, string Trigger, string From, string To, string Actor, string? Role, string? Note)
{
    public static HistoryView Of(CaseHistoryEntry h) =>
        new(h.Sequence, h.At, h.Trigger.ToString(), h.From.ToString(), h.To.ToString(), h.Actor.Value, h.ActingRole.ToString(), h.Note);
}
