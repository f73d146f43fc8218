using Governance.Organisation;

namespace Governance.Assessment;

/// <summary>三率考核 — the three rates of every grid, community and sub-district in a period, ranked.</summary>
/// <param name="Period">The days assessed.</param>
/// <param name="Weights">The weights of the composite score.</param>
/// <param name="District">The whole organisation's rates (the sum over its units).</param>
/// <param name="Grids">The grids, best first.</param>
/// <param name="Communities">The communities, best first.</param>
/// <param name="SubDistricts">The sub-districts, best first.</param>
/// <param name="Excluded">The cases in the period left out of every rate.</param>
public sealed record ThreeRatesReport(
    DateInterval Period,
    RateWeights Weights,
    UnitAssessment District,
    IReadOnlyList<UnitAssessment> Grids,
    IReadOnlyList<UnitAssessment> Communities,
    IReadOnlyList<UnitAssessment> SubDistricts,
    int Excluded)
{
    /// <summary>The units of a level, best first.</summary>
    /// <param name="level">Grid, community or sub-district.</param>
    /// <returns>The units.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Another level.</exception>
    public IReadOnlyList<UnitAssessment> Units(OrganisationLevel level) => level switch
    {
        OrganisationLevel.Grid => Grids,
        OrganisationLevel.Community => Communities,
        OrganisationLevel.SubDistrict => SubDistricts,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "The three rates are assessed for grids, communities and sub-districts."),
    };
}
