namespace Governance.TimeBank;

/// <summary>取消预约 — void a pending hold: the reserved credit is released.</summary>
/// <param name="Id">The client's transaction id.</param>
/// <param name="Hold">The hold's id.</param>
public sealed record VoidHoldRequest(Id<TimeBankTransaction> Id, Id<TimeBankTransaction> Hold)
    : TimeBankRequest(Id);
