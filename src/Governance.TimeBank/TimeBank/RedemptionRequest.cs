namespace Governance.TimeBank;

/// <summary>
/// 兑换 — pay for an elderly-care service with stored credit: debits the holder's account. The recipient must
/// have reached the policy's age on the service date and be the holder, or (if the policy allows) the holder's
/// registered spouse or direct relative.
/// </summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Holder">The account that pays (a person's account).</param>
/// <param name="Recipient">The person who receives the care; has an account in the ledger (for the birth date).</param>
/// <param name="Service">The care service; its type must be <see cref="ServiceTypeKind.ElderlyCare"/>.</param>
/// <param name="ServiceDate">The local date of the service, on which the recipient's age is taken.</param>
/// <param name="Amount">The price in credit; positive.</param>
public sealed record RedemptionRequest(Id<TimeBankTransaction> Id, Id<TimeBankAccount> Holder, Id<TimeBankAccount> Recipient, ServiceType Service, LocalDate ServiceDate, TimeCredit Amount)
    : TimeBankRequest(Id);
