using Governance.People;

namespace Governance.TimeBank;

/// <summary>时间银行账户 — an account in the time-bank ledger.</summary>
/// <remarks>Equality is by value. A person's account has the person's id as its id.</remarks>
/// <param name="Id">The account's id.</param>
/// <param name="Kind">The kind of account.</param>
/// <param name="Name">The display name (zh-CN data).</param>
/// <param name="Holder">The person who holds it, for a <see cref="TimeBankAccountKind.Person"/> account.</param>
public sealed record TimeBankAccount(Id<TimeBankAccount> Id, TimeBankAccountKind Kind, string Name, Id<Person>? Holder);
