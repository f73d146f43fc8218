using System.Text.Json.Serialization;

namespace Governance.Sla;

/// <summary>
/// 已报告阈值 — one threshold of one step cycle that a tracker has reported (a warning percentage, or 100 for the breach).
/// The set of them is a tracker's reporting position: give it back to <see cref="SlaEngine.Track(Cases.Case, IEnumerable{SlaThresholdKey}?)"/>
/// and the new tracker reports every other threshold exactly once, and these never again.
/// </summary>
/// <remarks>Equality is by value; ordering is by step, department code (ordinal), cycle and percent.</remarks>
/// <param name="Step">The step.</param>
/// <param name="Cycle">The step's cycle, from 1.</param>
/// <param name="DepartmentCode">The department's code, for a report-in step; otherwise <see langword="null"/>.</param>
/// <param name="Percent">The threshold: a warning percentage, or 100 for the breach.</param>
public readonly record struct SlaThresholdKey(
    [property: JsonRequired] SlaStep Step,
    [property: JsonRequired] int Cycle,
    [property: JsonRequired] string? DepartmentCode,
    [property: JsonRequired] int Percent) : IComparable<SlaThresholdKey>
{
    /// <inheritdoc />
    public int CompareTo(SlaThresholdKey other)
    {
        var c = Step.CompareTo(other.Step);
        c = c != 0 ? c : string.CompareOrdinal(DepartmentCode, other.DepartmentCode);
        c = c != 0 ? c : Cycle.CompareTo(other.Cycle);
        return c != 0 ? c : Percent.CompareTo(other.Percent);
    }
}
