namespace Governance.TimeBank;

/// <summary>捐赠 — donate credit from a person's or a team's account to the community pool.</summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="From">The donor's account (person or group).</param>
/// <param name="Amount">The amount; positive.</param>
public sealed record DonationRequest(Id<TimeBankTransaction> Id, Id<TimeBankAccount> From, TimeCredit Amount)
    : TimeBankRequest(Id);
