using Governance.People;

namespace Governance.TimeBank;

/// <summary>导出账户 — an account as exported: the account and, for a person's account, the person (eligibility needs their birth date and attributes).</summary>
/// <param name="Account">The account.</param>
/// <param name="Person">The holder of a person's account; <see langword="null"/> for a team's.</param>
public sealed record TimeBankExportedAccount(TimeBankAccount Account, Person? Person);
