using Governance.Cases;
using Governance.Organisation;
using Governance.Sla;

namespace Governance.Reports;

/// <summary>
/// 每周投诉分析 — the weekly complaint report of seed 000: for one local-calendar week, the cases registered per grid
/// and per community by source (12345 work orders singled out), the grids with the most, and their SLA compliance.
/// </summary>
/// <param name="Week">The week's local dates (Monday to Sunday in the community's zone).</param>
/// <param name="Grids">One line per grid with cases, most cases first (ties by grid id).</param>
/// <param name="Communities">One line per community with cases, most cases first.</param>
/// <param name="TopGrids">The first <c>top</c> lines of <paramref name="Grids"/>.</param>
public sealed record WeeklyComplaintReport(DateInterval Week, IReadOnlyList<GridComplaints> Grids, IReadOnlyList<GridComplaints> Communities, IReadOnlyList<GridComplaints> TopGrids)
{
    /// <summary>Builds the report for the week containing <paramref name="day"/>.</summary>
    /// <param name="day">Any local date in the week.</param>
    /// <param name="zone">The community's time zone, in which registrations are read as local dates.</param>
    /// <param name="organisation">Where each grid belongs.</param>
    /// <param name="cases">Cases with their SLA states (e.g. from <see cref="CaseSla.StatesAt"/> at the end of the week).</param>
    /// <param name="top">How many grids to single out; 5 by default.</param>
    /// <returns>The report.</returns>
    public static WeeklyComplaintReport For(LocalDate day, DateTimeZone zone, OrganisationModel organisation, IEnumerable<(CaseRegistration Case, IReadOnlyList<SlaStepState> Sla)> cases, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var monday = day.PlusDays(1 - (int)day.DayOfWeek);
        var week = new DateInterval(monday, monday.PlusDays(6));
        var inWeek = cases.Where(c => week.Contains(c.Case.RegisteredAt.InZone(zone).Date)).ToArray();

        static GridComplaints Line(Id<Grid>? grid, Id<Community> community, IEnumerable<(CaseRegistration Case, IReadOnlyList<SlaStepState> Sla)> items)
        {
            var list = items.ToArray();
            var bySource = list.GroupBy(c => c.Case.Source.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
            var steps = list.SelectMany(c => c.Sla).ToArray();
            return new GridComplaints(grid, community, bySource, bySource.GetValueOrDefault(CaseSource.Hotline12345.Code), list.Length,
                steps.Count(s => s.Status == SlaStatus.Met),
                steps.Count(s => s.Status is SlaStatus.MetLate or SlaStatus.Breached));
        }

        var grids = inWeek.GroupBy(c => c.Case.Location.GridId)
            .Select(g => Line(g.Key, organisation.Grid(g.Key).CommunityId, g))
            .OrderByDescending(l => l.Total).ThenBy(l => l.Grid!.Value.Value, StringComparer.Ordinal).ToArray();
        var communities = inWeek.GroupBy(c => organisation.Grid(c.Case.Location.GridId).CommunityId)
            .Select(g => Line(null, g.Key, g))
            .OrderByDescending(l => l.Total).ThenBy(l => l.Community.Value, StringComparer.Ordinal).ToArray();
        return new WeeklyComplaintReport(week, grids, communities, grids.Take(top).ToArray());
    }
}
