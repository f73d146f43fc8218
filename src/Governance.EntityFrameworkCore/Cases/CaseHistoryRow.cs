namespace Governance.EntityFrameworkCore.Cases;

/// <summary>
/// 处置记录行 — one stored history entry, keyed by (case, sequence): two writers appending the same sequence to the same case
/// cannot both succeed. Rows are only ever inserted.
/// </summary>
public sealed class CaseHistoryRow
{
    /// <summary>The case id.</summary>
    public string CaseId { get; set; } = "";

    /// <summary>The entry's sequence, from 1.</summary>
    public int Sequence { get; set; }

    /// <summary>When the command was given.</summary>
    public Instant At { get; set; }

    /// <summary>The entry as JSON (<c>GovernanceJson.Options</c>).</summary>
    public string Entry { get; set; } = "";
}
