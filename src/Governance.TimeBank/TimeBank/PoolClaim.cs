namespace Governance.TimeBank;

/// <summary>申领 — one person's claim on the community pool.</summary>
/// <param name="Account">The claimant's account; the person must have reached the policy's age on the allocation date.</param>
/// <param name="Amount">The amount asked for; positive.</param>
public sealed record PoolClaim(Id<TimeBankAccount> Account, TimeCredit Amount);
