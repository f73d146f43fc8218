namespace Governance.TimeBank;

/// <summary>确认扣除 — post a pending hold when the service is delivered: debit <paramref name="Amount"/> (all of the hold if null) and release the rest.</summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Hold">The hold's id.</param>
/// <param name="Amount">The amount to debit, positive and at most the hold; <see langword="null"/> for the whole hold.</param>
public sealed record PostHoldRequest(Id<TimeBankTransaction> Id, Id<TimeBankTransaction> Hold, TimeCredit? Amount = null)
    : TimeBankRequest(Id);
