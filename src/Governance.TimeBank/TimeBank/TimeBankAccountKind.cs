namespace Governance.TimeBank;

/// <summary>账户类型 — the kinds of time-bank account.</summary>
public enum TimeBankAccountKind
{
    /// <summary>个人账户 — a person's account: earns credit by volunteering, spends it on elderly care.</summary>
    Person,

    /// <summary>团体账户 — a volunteer team's account: its hours can only be donated to the pool (Nanjing 2019).</summary>
    Group,

    /// <summary>公益池 — the community pool that donations go to and allocations come from.</summary>
    CommunityPool,

    /// <summary>发行账户 — the issuing account: earned credit comes from it and spent credit returns to it, so all balances sum to zero.</summary>
    Issuing,
}
