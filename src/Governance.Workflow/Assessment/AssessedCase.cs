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
    /// <summary>What a case counts for, read from its history and its SLA states.</summary>
    /// <param name="case">The case.</param>
    /// <param name="sla">Its SLA states (<see cref="CaseSla.StatesAt"/>).</param>
    /// <param name="zone">The district's zone, in which its registration day is read.</param>
    /// <param name="excluded">Whether it is excluded (an approved 不合理诉求 or 无效 judgment).</param>
    /// <returns>The assessed case.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AssessedCase From(Case @case, IReadOnlyList<SlaStepState> sla, DateTimeZone zone, bool excluded = false)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(zone);
        var responded = false;
        foreach (var s in sla)
        {
            if (s is { Step: SlaStep.Respond, Cycle: 1 })
            {
                responded = s.Status == SlaStatus.Met;
            }
        }

        Satisfaction? satisfaction = null;
        foreach (var entry in @case.History)
        {
            if (entry.Command is GiveFeedbackCommand feedback)
            {
                satisfaction = feedback.Satisfaction;
            }
        }

        var resolved = @case.State is CaseState.Resolved or CaseState.FeedbackGiven or CaseState.Closed && satisfaction != Cases.Satisfaction.Unsatisfied;
        return new AssessedCase(@case.Id, @case.GridId, @case.RegisteredAt.InZone(zone).Date, responded, resolved, satisfaction, excluded);
    }
}
