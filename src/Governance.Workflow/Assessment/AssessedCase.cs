using Governance.Cases;
using Governance.Organisation;
using Governance.Sla;

namespace Governance.Assessment;

/// <summary>
/// 考核件 — one case as the three rates count it: where it was, on which day it counts, whether it was responded to in
/// time, whether it was solved, the resident's satisfaction, and whether it is excluded (不合理诉求、无效件, approved).
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="GridId">The grid answerable for it.</param>
/// <param name="Date">The day it counts on (its registration day in the district's zone).</param>
/// <param name="RespondedOnTime">Whether its first response met the response deadline (响应).</param>
/// <param name="Resolved">Whether it is solved: resolved, and not reopened by an unsatisfied feedback (解决).</param>
/// <param name="Satisfaction">The last satisfaction given (回访), if any (满意).</param>
/// <param name="Excluded">Excluded from every rate, with approval (不合理诉求、无效件).</param>
public readonly record struct AssessedCase(
    Id<Case> CaseId, Id<Grid> GridId, LocalDate Date, bool RespondedOnTime, bool Resolved, Satisfaction? Satisfaction, bool Excluded = false)
{
    /// <summary>The grids that returned the work order (退单), in order; null when none. They are counted a return each, never the case.</summary>
    public IReadOnlyList<Id<Grid>>? ReturnedBy { get; init; }

    /// <summary>The departments summoned to the case (吹哨), each once, with whether it reported in on time; null when none.</summary>
    public IReadOnlyList<DepartmentOutcome>? Departments { get; init; }

    /// <summary>
    /// What a case counts for, read from its history and its SLA states: it counts for the grid that holds it (a grid that
    /// returned it is never answerable for it), its response is the first one after the latest dispatch (派单), and it is
    /// excluded when an exclusion was approved or it was rejected as a duplicate of another case (merged into that one).
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="sla">Its SLA states (<see cref="CaseSla.StatesAt"/>).</param>
    /// <param name="zone">The district's zone, in which its registration day is read.</param>
    /// <param name="excluded">Whether the host excludes it on other grounds.</param>
    /// <returns>The assessed case.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AssessedCase From(Case @case, IReadOnlyList<SlaStepState> sla, DateTimeZone zone, bool excluded = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(zone);
        Satisfaction? satisfaction = null;
        Instant? dispatched = null;
        foreach (var entry in @case.History)
        {
            switch (entry.Command)
            {
                case GiveFeedbackCommand feedback:
                    satisfaction = feedback.Satisfaction;
                    break;
                case DispatchCommand d:
                    dispatched = d.At;
                    break;
            }
        }

        var responded = false;
        foreach (var s in sla)
        {
            if (s.Step == SlaStep.Respond && (dispatched is null ? s.Cycle == 1 : s.Anchor == dispatched.Value))
            {
                responded = s.Status == SlaStatus.Met;
                break;
            }
        }

        List<DepartmentOutcome>? departments = null;
        foreach (var summons in @case.Summons)
        {
            var onTime = true;
            foreach (var s in sla)
            {
                if (s.Step == SlaStep.ReportIn && s.Department == summons.Department && s.Status != SlaStatus.Met)
                {
                    onTime = false;
                }
            }

            departments ??= [];
            if (!departments.Exists(d => d.Department == summons.Department))
            {
                departments.Add(new DepartmentOutcome(summons.Department, onTime));
            }
        }

        var resolved = @case.State is CaseState.Resolved or CaseState.FeedbackGiven or CaseState.Closed && satisfaction != Cases.Satisfaction.Unsatisfied;
        var merged = @case.Rejection is { Kind: RejectionKind.Duplicate };
        return new AssessedCase(@case.Id, @case.GridId, @case.RegisteredAt.InZone(zone).Date, responded, resolved, satisfaction, excluded || merged || @case.Exclusion is not null)
        {
            ReturnedBy = @case.Returns.Count == 0 ? null : @case.Returns.Select(r => r.GridId).ToArray(),
            Departments = departments,
        };
    }
}
