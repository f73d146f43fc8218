namespace Governance.TimeBank;

/// <summary>转赠 — give credit from one person's account to another's (a relative's, unless the policy allows anyone).</summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="From">The giver's account.</param>
/// <param name="To">The receiver's account.</param>
/// <param name="Amount">The amount; positive.</param>
public sealed record GiftRequest(Id<TimeBankTransaction> Id, Id<TimeBankAccount> From, Id<TimeBankAccount> To, TimeCredit Amount)
    : TimeBankRequest(Id);
