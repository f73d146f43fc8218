namespace Governance.TimeBank;

/// <summary>
/// 存折对账单 — a passbook statement for one account and period, as the paper passbooks of real schemes show it:
/// the opening balance, the entries in the period with their service details, the closing balance.
/// </summary>
/// <remarks>The closing balance of one statement is the opening balance of the statement for the next, adjacent period.</remarks>
/// <param name="Account">The account.</param>
/// <param name="Period">The period as instants, start inclusive, end exclusive.</param>
/// <param name="Opening">The posted balance before the period.</param>
/// <param name="Entries">The entries in the period, oldest first.</param>
/// <param name="Closing">The posted balance at the end of the period.</param>
public sealed record TimeBankStatement(TimeBankAccount Account, Interval Period, TimeCredit Opening, IReadOnlyList<TimeBankEntry> Entries, TimeCredit Closing);
