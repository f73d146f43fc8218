using Governance.People;

namespace Governance.TimeBank;

/// <summary>
/// 预写日志 — where a host makes what the ledger accepts durable before it takes effect: every account opened, relation
/// registered and transaction committed (the ledger's own expirations included) is written here first, under the
/// ledger's lock, in the ledger's order.
/// </summary>
/// <remarks>
/// If a method throws, the ledger does not take the change (balances, journal and id table stay as they were) and the
/// exception reaches the ledger's caller. What was written can be read back with <see cref="TimeBankLedger.Restore"/>:
/// the accounts in the order written, then the transactions in the order written.
/// </remarks>
public interface ITimeBankWriteAhead
{
    /// <summary>An account is about to be opened.</summary>
    /// <param name="account">The account.</param>
    /// <param name="person">Its holder, for a person's account (their birth date and attributes decide eligibility); null for a team's.</param>
    void WriteAccount(TimeBankAccount account, Person? person);

    /// <summary>A relation is about to be registered (both ways).</summary>
    /// <param name="relation">The relation.</param>
    void WriteRelation(TimeBankRelation relation);

    /// <summary>A transaction is about to be committed.</summary>
    /// <param name="transaction">The transaction, with its timestamp, legs and request.</param>
    void WriteTransaction(TimeBankTransaction transaction);
}
