namespace Governance.Reports;

/// <summary>同一地点 — what "the same place" means for the typical-case library.</summary>
public enum RecurrencePlace
{
    /// <summary>The same building (cases without a building count by their grid).</summary>
    Building,

    /// <summary>The same grid.</summary>
    Grid,
}
