using Governance.Assessment;
using Governance.Cases;
using Governance.Organisation;
using Governance.People;
using Governance.Sla;
using Governance.Supervision;

namespace Governance.Reports;

/// <summary>考核事实提取 — turns cases, their SLA, inspections and three-rates reports into <see cref="CaseFact"/>s for grid-worker scoring.</summary>
public static class CaseFacts
{
    /// <summary>
    /// The facts of one case: each step cycle's SLA outcome (met, late or breached; running and cancelled cycles give
    /// none), each feedback's satisfaction, and a complaint if it is a 12345 work order. A step's fact goes to the person
    /// who completed it (or, if it is breached, to the grid's worker responsible: the claimant, else
    /// <paramref name="responsible"/>).
    /// </summary>
    /// <param name="case">The case.</param>
    /// <param name="sla">Its SLA states.</param>
    /// <param name="zone">The zone in which dates are read.</param>
    /// <param name="responsible">The grid worker answerable for the case's grid.</param>
    /// <returns>The facts.</returns>
    public static IEnumerable<CaseFact> From(Case @case, IReadOnlyList<SlaStepState> sla, DateTimeZone zone, Id<Person> responsible)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(zone);
        var grid = @case.Registration.Location.GridId;
        var id = @case.Id.Value;
        foreach (var s in sla)
        {
            var kind = s.Status switch
            {
                SlaStatus.Met => CaseFactKinds.StepMet,
                SlaStatus.MetLate => CaseFactKinds.StepMetLate,
                SlaStatus.Breached => CaseFactKinds.StepBreached,
                _ => null,
            };
            if (kind is null)
            {
                continue;
            }

            var when = s.CompletedAt ?? s.Deadline;
            var actor = s.CompletedAt is { } done
                ? @case.History.LastOrDefault(h => h.Command.At == done)?.Command.Actor ?? responsible
                : @case.Claimant ?? responsible;
            yield return new CaseFact($"{id}/{s.Step}/{s.Cycle}/{s.Department?.Code}", actor, grid, when.InZone(zone).Date, kind, 1, id);
        }

        foreach (var entry in @case.History)
        {
            if (entry.Command is GiveFeedbackCommand feedback)
            {
                var kind = feedback.Satisfaction switch
                {
                    Satisfaction.Satisfied => CaseFactKinds.Satisfied,
                    Satisfaction.MostlySatisfied => CaseFactKinds.MostlySatisfied,
                    _ => CaseFactKinds.Unsatisfied,
                };
                yield return new CaseFact($"{id}/feedback/{entry.Sequence}", @case.Claimant ?? responsible, grid, feedback.At.InZone(zone).Date, kind, 1, id);
            }
        }

        // A complaint counts against the grid holding the order (not one that returned it), unless the order is excluded or merged.
        if (@case.Source == CaseSource.Hotline12345 && @case.Exclusion is null && @case.Rejection is not { Kind: RejectionKind.Duplicate } && @case.State != CaseState.Returned)
        {
            yield return new CaseFact($"{id}/complaint", responsible, @case.GridId, @case.RegisteredAt.InZone(zone).Date, CaseFactKinds.Complaint, 1, id);
        }
    }

    /// <summary>
    /// The facts of a three-rates report for grid-worker scoring (中台社区's quarterly grid evaluation): for every scored grid,
    /// one <see cref="CaseFactKinds.ThreeRatesScore"/> fact per grid worker assigned to it, dated the period's last day, with
    /// the grid's score rounded to a whole number (0–100) as its quantity. The default grid-worker rules give 0.2 points a
    /// score point, at most 20 a quarter.
    /// </summary>
    /// <param name="report">The report (a quarter's, for the quarterly evaluation).</param>
    /// <param name="organisation">The organisation of the period: who works each grid.</param>
    /// <returns>The facts, in the report's grid order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IEnumerable<CaseFact> From(ThreeRatesReport report, OrganisationModel organisation)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(organisation);
        var period = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{report.Period.Start:uuuu-MM-dd}..{report.Period.End:uuuu-MM-dd}");
        foreach (var unit in report.Grids)
        {
            if (unit.Score is not { } score || !organisation.ContainsGrid(unit.UnitId))
            {
                continue;
            }

            foreach (var worker in organisation.PeopleOf(unit.UnitId, Role.GridWorker))
            {
                yield return new CaseFact(
                    $"three-rates/{period}/{unit.UnitId}/{worker.Id}", worker.Id, unit.UnitId, report.Period.End, CaseFactKinds.ThreeRatesScore,
                    (int)Math.Round(score, MidpointRounding.AwayFromZero), $"three-rates/{period}");
            }
        }
    }

    /// <summary>The facts of an inspection: one per finding, serious ones under their own code.</summary>
    /// <param name="inspection">The inspection.</param>
    /// <returns>The facts.</returns>
    public static IEnumerable<CaseFact> From(SupervisionInspection inspection)
    {
        ArgumentNullException.ThrowIfNull(inspection);
        return inspection.Findings.Select((f, i) => new CaseFact(
            $"{inspection.Id}/{i}", inspection.Worker, inspection.Grid, inspection.Date,
            f.Serious ? CaseFactKinds.SeriousSupervisionFinding : CaseFactKinds.SupervisionFinding, 1, inspection.Id));
    }
}
