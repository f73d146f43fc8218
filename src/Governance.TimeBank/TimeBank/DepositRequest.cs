using Governance.People;

namespace Governance.TimeBank;

/// <summary>存入 — deposit verified volunteer service: credits the volunteer's (or team's) account from the issuing account.</summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Account">The volunteer's account, or a volunteer team's group account.</param>
/// <param name="Service">The service; its type must be <see cref="ServiceTypeKind.Volunteer"/>, at most 24 hours long.</param>
/// <param name="VerifiedBy">Who verified the service (a grid worker, the care centre …).</param>
public sealed record DepositRequest(Id<TimeBankTransaction> Id, Id<TimeBankAccount> Account, ServiceRecord Service, Id<Person> VerifiedBy)
    : TimeBankRequest(Id);
