namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// 记账权行 — who may write a time-bank journal: one row a scheme, whose <see cref="Epoch"/> a journal increments when it
/// starts writing and checks, locking the row, in every batch it commits. A journal that finds another epoch has lost the
/// right to write and stops accepting, so two processes never both extend one journal.
/// </summary>
public sealed class TimeBankWriterRow
{
    /// <summary>The scheme's key: <c>timebank</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>The current writer's epoch: 0 before any writer started, then incremented by each new writer.</summary>
    public long Epoch { get; set; }

    /// <summary>Who holds the epoch (host name and process id), for operators.</summary>
    public string Holder { get; set; } = "";
}
