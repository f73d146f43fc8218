using Governance.Resources;

namespace Governance.EntityFrameworkCore.TimeBank;

/// <summary>
/// 记账权已转移 — a time-bank journal found that another writer (another process, or a journal restored later) took the
/// journal over: it appended nothing, and it stops accepting. The requests it had not acknowledged were not stored; the new
/// writer holds everything that was.
/// </summary>
public sealed class TimeBankWriterLostException : GovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="epoch">The epoch this journal held.</param>
    /// <param name="currentEpoch">The epoch the database holds now, if it could be read.</param>
    /// <param name="currentHolder">Who holds it, if it could be read.</param>
    public TimeBankWriterLostException(long epoch, long? currentEpoch, string? currentHolder)
        : base(RefusalReason.Conflict, StoreMessages.Format("TimeBankJournalWasTakenOver", epoch, currentEpoch?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", currentHolder ?? "?"))
    {
        Epoch = epoch;
        CurrentEpoch = currentEpoch;
        CurrentHolder = currentHolder;
    }

    /// <summary>The reason code: <c>timebank.writer-lost</c>.</summary>
    public string Code => "timebank.writer-lost";

    /// <summary>The epoch this journal held.</summary>
    public long Epoch { get; }

    /// <summary>The epoch the database holds now, if it could be read.</summary>
    public long? CurrentEpoch { get; }

    /// <summary>Who holds the current epoch, if it could be read.</summary>
    public string? CurrentHolder { get; }
}
