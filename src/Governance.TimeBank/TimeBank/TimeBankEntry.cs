namespace Governance.TimeBank;

/// <summary>
/// 账户明细 — one line of an account's passbook: a transaction's effect on the account and the balances after it.
/// </summary>
/// <remarks>Equality is by value (the transaction by reference).</remarks>
/// <param name="Transaction">The transaction; its timestamp, kind, request and note give the service details.</param>
/// <param name="Amount">The change in the posted balance (negative for a debit).</param>
/// <param name="HeldChange">The change in reserved credit (positive for a hold, negative for a release).</param>
/// <param name="Balance">The posted balance after the transaction.</param>
/// <param name="Held">The reserved credit after the transaction.</param>
/// <param name="Counterparty">The other account of the transaction's first leg touching this account.</param>
public readonly record struct TimeBankEntry(TimeBankTransaction Transaction, TimeCredit Amount, TimeCredit HeldChange, TimeCredit Balance, TimeCredit Held, Id<TimeBankAccount> Counterparty)
{
    /// <summary>When the transaction was committed.</summary>
    public Instant Timestamp => Transaction.Timestamp;

    /// <summary>The credit available after the transaction: <see cref="Balance"/> minus <see cref="Held"/>.</summary>
    public TimeCredit Available => Balance - Held;
}
