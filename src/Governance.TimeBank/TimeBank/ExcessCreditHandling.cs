namespace Governance.TimeBank;

/// <summary>超额处理 — what happens to credit that would take a person's balance over the storage cap.</summary>
public enum ExcessCreditHandling
{
    /// <summary>拒绝 — the transaction is rejected and nothing changes.</summary>
    Reject,

    /// <summary>转入公益池 — the part over the cap goes to the community pool (Nanjing 2019: "超出部分转为捐赠").</summary>
    DonateToPool,
}
