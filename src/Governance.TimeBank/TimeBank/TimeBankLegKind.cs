namespace Governance.TimeBank;

/// <summary>分录类型 — whether a leg moves posted credit or reserves/releases it.</summary>
public enum TimeBankLegKind
{
    /// <summary>A posted transfer from the debit account to the credit account.</summary>
    Posted,

    /// <summary>Credit reserved on the debit account (a hold) for the credit account; no posted balance moves.</summary>
    Held,

    /// <summary>Reserved credit released on the debit account; no posted balance moves.</summary>
    Released,
}
