namespace Governance.TimeBank;

/// <summary>
/// 预约冻结 — book an elderly-care service by reserving credit until <paramref name="Expires"/>. The hold is then
/// posted (fully or partly, the rest released), voided, or expires at <paramref name="Expires"/> as the ledger's clock
/// reads it. Eligibility is checked as for a <see cref="RedemptionRequest"/>.
/// </summary>
/// <param name="Id">The client's transaction id; also the hold's id.</param>
/// <param name="Holder">The account that pays.</param>
/// <param name="Recipient">The person who will receive the care.</param>
/// <param name="Service">The care service.</param>
/// <param name="ServiceDate">The local date of the booked service.</param>
/// <param name="Amount">The amount reserved; positive.</param>
/// <param name="Expires">When the hold lapses if not posted or voided; after the ledger's current time.</param>
public sealed record HoldRequest(Id<TimeBankTransaction> Id, Id<TimeBankAccount> Holder, Id<TimeBankAccount> Recipient, ServiceType Service, LocalDate ServiceDate, TimeCredit Amount, Instant Expires)
    : TimeBankRequest(Id);
