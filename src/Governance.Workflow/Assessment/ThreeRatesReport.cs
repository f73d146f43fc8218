using Governance.Resources;

namespace Governance.Assessment;

/// <summary>三率考核 — the three rates of every grid, community, sub-district and summoned department in a period, ranked.</summary>
/// <param name="Period">The days assessed.</param>
/// <param name="Weights">The weights of the composite score.</param>
/// <param name="District">The whole organisation's rates (the sum over its units).</param>
/// <param name="Grids">The grids, best first.</param>
/// <param name="Communities">The communities, best first.</param>
/// <param name="SubDistricts">The sub-districts, best first.</param>
/// <param name="Excluded">The cases in the period left out of every rate.</param>
/// <param name="Departments">The departments summoned in the period (吹哨报到), best first; they are not part of <paramref name="District"/>.</param>
public sealed record ThreeRatesReport(
    DateInterval Period,
    RateWeights Weights,
    UnitAssessment District,
    IReadOnlyList<UnitAssessment> Grids,
    IReadOnlyList<UnitAssessment> Communities,
    IReadOnlyList<UnitAssessment> SubDistricts,
    int Excluded,
    IReadOnlyList<UnitAssessment> Departments)
{
    /// <summary>The units of a kind, best first.</summary>
    /// <param name="kind">Grid, community, sub-district or department.</param>
    /// <returns>The units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An undefined kind.</exception>
    public IReadOnlyList<UnitAssessment> Units(AssessedUnitKind kind) => kind switch
    {
        AssessedUnitKind.Grid => Grids,
        AssessedUnitKind.Community => Communities,
        AssessedUnitKind.SubDistrict => SubDistricts,
        AssessedUnitKind.Department => Departments,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, WorkflowMessages.Text("ExpectedGridCommunitySubDistrictDepartment")),
    };
}
