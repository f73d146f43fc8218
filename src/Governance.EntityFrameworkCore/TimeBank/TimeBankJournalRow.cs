namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// 时间银行日志行 — one record of a time-bank ledger's write-ahead journal: an account opened, a relation registered or a
/// transaction committed, in the ledger's order (<see cref="Sequence"/> is the key). A client's transaction id is unique.
/// </summary>
public sealed class TimeBankJournalRow
{
    /// <summary>The record's place in the journal, from 1.</summary>
    public long Sequence { get; set; }

    /// <summary>What it records: <c>account</c>, <c>relation</c> or <c>transaction</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>For a transaction, its id; otherwise null. Unique.</summary>
    public string? TransactionId { get; set; }

    /// <summary>The record as JSON (<c>GovernanceJson.Options</c>).</summary>
    public string Payload { get; set; } = "";
}
