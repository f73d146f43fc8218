using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>交易被拒 — a transaction broke a rule of the ledger or its policy; nothing changed.</summary>
public sealed class TimeBankRejectedException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="transaction">The rejected transaction's id.</param>
    /// <param name="reason">The rule broken.</param>
    /// <param name="message">The explanation: the accounts, the amounts, what is allowed.</param>
    public TimeBankRejectedException(Id<TimeBankTransaction> transaction, TimeBankRejection reason, string message)
        : base(RefusalOf(reason), TimeBankMessages.Format("TimeBankRejected", transaction, reason, message))
    {
        Transaction = transaction;
        Reason = reason;
    }

    /// <summary>The rejected transaction's id.</summary>
    public Id<TimeBankTransaction> Transaction { get; }

    /// <summary>The rule broken.</summary>
    public TimeBankRejection Reason { get; }

    private static RefusalReason RefusalOf(TimeBankRejection reason) => reason switch
    {
        TimeBankRejection.IdConflict => RefusalReason.Conflict,
        TimeBankRejection.InsufficientCredit or TimeBankRejection.StorageCapExceeded or TimeBankRejection.TimeOutOfRange => RefusalReason.LimitExceeded,
        TimeBankRejection.NotVerified => RefusalReason.NotAuthorized,
        _ => RefusalReason.NotPermitted,
    };
}
