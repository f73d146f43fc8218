namespace Governance.TimeBank;

/// <summary>
/// 冲正 — correct a posted transaction by a new one with its legs reversed; entries are never edited or deleted.
/// A transaction is reversed at most once; holds are voided rather than reversed; the reversal obeys the same
/// limits (no negative balance, the cap) and is rejected if it would break one.
/// </summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Original">The transaction to reverse.</param>
/// <param name="Reason">Why; not empty.</param>
public sealed record ReversalRequest(Id<TimeBankTransaction> Id, Id<TimeBankTransaction> Original, string Reason)
    : TimeBankRequest(Id);
