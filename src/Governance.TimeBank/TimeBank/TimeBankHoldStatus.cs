namespace Governance.TimeBank;

/// <summary>预约状态 — the state of a hold.</summary>
public enum TimeBankHoldStatus
{
    /// <summary>待确认 — credit is reserved.</summary>
    Pending,

    /// <summary>已扣除 — posted (fully or partly).</summary>
    Posted,

    /// <summary>已取消 — voided.</summary>
    Voided,

    /// <summary>已过期 — reached its expiry before it was posted or voided.</summary>
    Expired,
}
