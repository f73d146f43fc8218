using Governance.Organisation;

namespace Governance.Reports;

/// <summary>网格投诉统计 — one grid's (or community's) line in the weekly complaint report.</summary>
/// <param name="Grid">The grid (or, for a community line, <see langword="null"/>).</param>
/// <param name="Community">The community.</param>
/// <param name="BySource">Cases registered in the week by source code.</param>
/// <param name="Hotline12345">Of which 12345 hotline work orders.</param>
/// <param name="Total">All cases registered in the week.</param>
/// <param name="StepsMet">SLA step cycles of those cases completed on time.</param>
/// <param name="StepsLateOrBreached">SLA step cycles completed late or breached.</param>
public sealed record GridComplaints(Id<Grid>? Grid, Id<Community> Community, IReadOnlyDictionary<string, int> BySource, int Hotline12345, int Total, int StepsMet, int StepsLateOrBreached)
{
    /// <summary>SLA compliance: met ÷ (met + late or breached), or <see langword="null"/> with nothing decided yet.</summary>
    public double? Compliance => StepsMet + StepsLateOrBreached == 0 ? null : (double)StepsMet / (StepsMet + StepsLateOrBreached);
}
