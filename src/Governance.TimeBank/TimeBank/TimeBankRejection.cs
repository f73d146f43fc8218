namespace Governance.TimeBank;

/// <summary>拒绝原因 — why the ledger rejected a transaction (it changed nothing).</summary>
public enum TimeBankRejection
{
    /// <summary>The id was used before with different content.</summary>
    IdConflict,

    /// <summary>An account has too little available credit (posted − held).</summary>
    InsufficientCredit,

    /// <summary>A person's balance would exceed the storage cap and the policy rejects the excess.</summary>
    StorageCapExceeded,

    /// <summary>The recipient is too young on the service date, or not the holder or a relative the policy allows.</summary>
    NotEligible,

    /// <summary>The operation is not allowed for this kind of account (e.g. a team's hours can only be donated).</summary>
    NotAllowedForAccount,

    /// <summary>The hold is not pending (already posted, voided or expired), or the amount exceeds it.</summary>
    HoldNotPending,

    /// <summary>The transaction cannot be reversed (a hold, already reversed, or a reversal).</summary>
    NotReversible,

    /// <summary>The transaction's time is too near the end of the representable range for what it needs (the expiry of its credit).</summary>
    TimeOutOfRange,

    /// <summary>The service's verifier is the volunteer themselves, or a person the ledger knows without a verifying role.</summary>
    NotVerified,
}
