namespace Governance.TimeBank;

/// <summary>交易类型 — what a ledger transaction did.</summary>
public enum TimeBankTransactionKind
{
    /// <summary>存入 — volunteer service deposited.</summary>
    Deposit,

    /// <summary>兑换 — elderly care paid for.</summary>
    Redemption,

    /// <summary>转赠 — a gift to another person.</summary>
    Gift,

    /// <summary>捐赠 — a donation to the pool.</summary>
    Donation,

    /// <summary>公益池分配 — an allocation from the pool.</summary>
    PoolAllocation,

    /// <summary>预约冻结 — credit reserved for a booked service.</summary>
    Hold,

    /// <summary>确认扣除 — a hold posted (the rest released).</summary>
    HoldPosted,

    /// <summary>取消预约 — a hold voided.</summary>
    HoldVoided,

    /// <summary>预约过期 — a hold that reached its expiry (written by the ledger).</summary>
    HoldExpired,

    /// <summary>时间过期 — credit that reached the end of its lifetime (written by the ledger).</summary>
    CreditExpired,

    /// <summary>冲正 — a correcting transaction.</summary>
    Reversal,
}
