using Governance.Cases;
using Governance.Organisation;
using Governance.Resources;

namespace Governance.Assessment;

/// <summary>
/// 三率考核 (响应率、解决率、满意率) — assesses the grids, communities, sub-districts and summoned departments of an organisation over a period
/// (a month, a quarter) from their cases. Definitions (docs/assessment.md gives each one's source or assumption):
/// <list type="bullet">
/// <item>a case counts in the period of its registration day for the grid that holds it, unless it is excluded
/// (不合理诉求、无效件 approved, or a duplicate merged into its original); a work order a grid returned (退单) counts a return
/// for that grid and never in its rates, and one waiting to be dispatched again counts for no grid;</item>
/// <item>响应率 = cases whose first response met its deadline / cases counted;</item>
/// <item>解决率 = cases solved (resolved and not reopened by an unsatisfied feedback) / cases counted;</item>
/// <item>满意率 = cases whose last satisfaction is 满意 or 基本满意 / cases counted that have a satisfaction;</item>
/// <item>score = 100 × the weighted mean of the rates that have cases (<see cref="RateWeights"/>);</item>
/// <item>ranking by score, then solved, satisfied and response rates, then the unit's id (ordinal): deterministic;
/// equal scores (to 1e-9) share a rank (1, 2, 2, 4).</item>
/// </list>
/// A community's and a sub-district's counts are the sums of their grids', so every level adds up to the district. A
/// department is assessed on the counted cases it was summoned to (吹哨报到): 响应率 = those it reported in to on time,
/// 解决率 and 满意率 as for a grid over those cases; departments are a dimension of their own, outside the district's sums.
/// </summary>
public static class ThreeRates
{
    /// <summary>The counters kept per unit.</summary>
    private const int Width = 6;

    /// <summary>Assesses the cases of <paramref name="period"/>.</summary>
    /// <param name="cases">The cases (any period: the others are skipped).</param>
    /// <param name="period">The days assessed.</param>
    /// <param name="organisation">The organisation of the period (which grids belong to which community).</param>
    /// <param name="weights">The weights; <see cref="RateWeights.Default"/> if null.</param>
    /// <param name="previous">The previous period's report, for each unit's change of score (环比).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> or <paramref name="organisation"/> is null.</exception>
    /// <exception cref="ArgumentException">A counted case names a grid the organisation does not have.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The weights are invalid.</exception>
    public static ThreeRatesReport Assess(
        ReadOnlySpan<AssessedCase> cases, DateInterval period, OrganisationModel organisation, RateWeights? weights = null, ThreeRatesReport? previous = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(organisation);
        weights ??= RateWeights.Default;
        weights.Validate();

        var grids = organisation.Grids;
        var gridIndex = new Dictionary<Id<Grid>, int>(grids.Count);
        for (var i = 0; i < grids.Count; i++)
        {
            gridIndex[grids[i].Id] = i;
        }

        // Six counters a grid: counted, responded in time, solved, with a satisfaction, satisfied, returns made.
        var counts = new int[grids.Count * Width];
        var excluded = 0;
        var departments = new List<Department>();
        var departmentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var departmentCounts = new List<int>();
        var (start, end) = (period.Start, period.End);
        Id<Grid> lastGrid = default;
        var last = -1;
        foreach (ref readonly var c in cases)
        {
            if (c.Date < start || c.Date > end)
            {
                continue;
            }

            if (c.ReturnedBy is { } returners)
            {
                var waiting = false;
                foreach (var returner in returners)
                {
                    counts[Index(returner, c) + 5]++;
                    waiting |= returner == c.GridId;
                }

                if (waiting)
                {
                    // Returned and not dispatched again: no unit is answerable for it yet (the one holding it returned it).
                    continue;
                }
            }

            if (c.Excluded)
            {
                excluded++;
                continue;
            }

            if (last < 0 || c.GridId != lastGrid)
            {
                last = Index(c.GridId, c);
                lastGrid = c.GridId;
            }

            if (c.Departments is { } summoned)
            {
                foreach (var d in summoned)
                {
                    if (!departmentIndex.TryGetValue(d.Department.Code, out var k))
                    {
                        k = departmentIndex[d.Department.Code] = departments.Count;
                        departments.Add(d.Department);
                        departmentCounts.AddRange(new int[Width]);
                    }

                    Count(departmentCounts, k * Width, d.ReportedOnTime, c);
                }
            }

            counts[last]++;
            counts[last + 1] += c.RespondedOnTime ? 1 : 0;
            counts[last + 2] += c.Resolved ? 1 : 0;
            if (c.Satisfaction is { } s)
            {
                counts[last + 3]++;
                counts[last + 4] += s is Satisfaction.Satisfied or Satisfaction.MostlySatisfied ? 1 : 0;
            }
        }

        int Index(Id<Grid> grid, in AssessedCase c) => gridIndex.TryGetValue(grid, out var g) ? g * Width
            : throw new ArgumentException(WorkflowMessages.Format("CaseNamesGridOrganisationDoes", c.CaseId, grid), nameof(cases));

        var communities = organisation.Communities;
        var subDistricts = organisation.SubDistricts;
        var communityIndex = communities.Select((x, i) => (x.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var subDistrictIndex = subDistricts.Select((x, i) => (x.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var communityCounts = new int[communities.Count * Width];
        var subDistrictCounts = new int[subDistricts.Count * Width];
        var districtCounts = new int[Width];
        for (var g = 0; g < grids.Count; g++)
        {
            var community = communityIndex[grids[g].CommunityId];
            var subDistrict = subDistrictIndex[communities[community].SubDistrictId];
            for (var k = 0; k < Width; k++)
            {
                communityCounts[(community * Width) + k] += counts[(g * Width) + k];
                subDistrictCounts[(subDistrict * Width) + k] += counts[(g * Width) + k];
                districtCounts[k] += counts[(g * Width) + k];
            }
        }

        var districtBefore = previous is null ? null : new Dictionary<string, double?>(StringComparer.Ordinal) { ["*"] = previous.District.Score };
        var district = Unit(AssessedUnitKind.SubDistrict, "*", "全部", districtCounts, 0, weights, districtBefore);
        var (gridScores, communityScores, subDistrictScores) = (Scores(previous?.Grids), Scores(previous?.Communities), Scores(previous?.SubDistricts));
        var departmentScores = Scores(previous?.Departments);
        var departmentArray = departmentCounts.ToArray();
        return new ThreeRatesReport(
            period,
            weights,
            district,
            Rank(grids.Select((x, i) => Unit(AssessedUnitKind.Grid, x.Id.Value, x.Name, counts, i, weights, gridScores))),
            Rank(communities.Select((x, i) => Unit(AssessedUnitKind.Community, x.Id.Value, x.Name, communityCounts, i, weights, communityScores))),
            Rank(subDistricts.Select((x, i) => Unit(AssessedUnitKind.SubDistrict, x.Id.Value, x.Name, subDistrictCounts, i, weights, subDistrictScores))),
            excluded,
            Rank(departments.Select((x, i) => Unit(AssessedUnitKind.Department, x.Code, x.DisplayName, departmentArray, i, weights, departmentScores))));
    }

    /// <summary>Counts a case for a department: summoned, reported in on time, and the case's solved and satisfaction counts.</summary>
    private static void Count(List<int> counts, int o, bool onTime, in AssessedCase c)
    {
        counts[o]++;
        counts[o + 1] += onTime ? 1 : 0;
        counts[o + 2] += c.Resolved ? 1 : 0;
        if (c.Satisfaction is { } s)
        {
            counts[o + 3]++;
            counts[o + 4] += s is Satisfaction.Satisfied or Satisfaction.MostlySatisfied ? 1 : 0;
        }
    }

    private static Dictionary<string, double?>? Scores(IReadOnlyList<UnitAssessment>? units) =>
        units?.ToDictionary(u => u.UnitId, u => u.Score, StringComparer.Ordinal);

    private static UnitAssessment Unit(AssessedUnitKind kind, string id, string name, int[] counts, int index, RateWeights weights, Dictionary<string, double?>? previous)
    {
        var o = index * Width;
        var response = new Rate(counts[o + 1], counts[o]);
        var resolution = new Rate(counts[o + 2], counts[o]);
        var satisfaction = new Rate(counts[o + 4], counts[o + 3]);
        double? score = null;
        var total = 0.0;
        var weight = 0.0;
        foreach (var (rate, w) in new[] { (response, weights.Response), (resolution, weights.Resolution), (satisfaction, weights.Satisfaction) })
        {
            if (rate.Value is { } v && w > 0)
            {
                total += w * v;
                weight += w;
            }
        }

        if (weight > 0)
        {
            score = 100 * total / weight;
        }

        var before = previous is not null && previous.TryGetValue(id, out var b) ? b : null;
        return new UnitAssessment(kind, id, name, response, resolution, satisfaction, score, null, score - before) { Returns = counts[o + 5] };
    }

    private static List<UnitAssessment> Rank(IEnumerable<UnitAssessment> units)
    {
        var ordered = units
            .OrderBy(u => u.Score is null)
            .ThenByDescending(u => u.Score ?? 0)
            .ThenByDescending(u => u.Resolution.Value ?? 0)
            .ThenByDescending(u => u.Satisfaction.Value ?? 0)
            .ThenByDescending(u => u.Response.Value ?? 0)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)
            .ToList();
        int? rank = null;
        double? lastScore = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var score = ordered[i].Score;
            if (score is null)
            {
                break;
            }

            if (lastScore is null || Math.Abs(score.Value - lastScore.Value) > 1e-9)
            {
                rank = i + 1;
                lastScore = score;
            }

            ordered[i] = ordered[i] with { Rank = rank };
        }

        return ordered;
    }
}
