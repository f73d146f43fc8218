namespace Governance.EntityFrameworkCore.Sla;

/// <summary>
/// 已报告阈值行 — one SLA threshold of one case that has been reported, keyed by case, step, department, cycle and percent:
/// the row is the claim, so of several instances reporting the same threshold exactly one inserts it.
/// </summary>
public sealed class SlaReportedRow
{
    /// <summary>The case id.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The step.</summary>
    public Governance.Sla.SlaStep Step { get; set; }

    /// <summary>The department's code for a report-in step; empty otherwise.</summary>
    public string DepartmentCode { get; set; } = "";

    /// <summary>The step's cycle, from 1.</summary>
    public int Cycle { get; set; }

    /// <summary>The threshold: a warning percentage, or 100 for the breach.</summary>
    public int Percent { get; set; }

    /// <summary>When the threshold was crossed.</summary>
    public Instant OccurredAt { get; set; }
}
