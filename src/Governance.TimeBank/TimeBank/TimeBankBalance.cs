namespace Governance.TimeBank;

/// <summary>余额 — an account's balances: posted, reserved by holds, and available (posted − held).</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Posted">The posted balance (credits − debits).</param>
/// <param name="Held">Credit reserved by pending holds.</param>
public readonly record struct TimeBankBalance(TimeCredit Posted, TimeCredit Held)
{
    /// <summary>What can be spent, given, donated or held now.</summary>
    public TimeCredit Available => Posted - Held;
}
