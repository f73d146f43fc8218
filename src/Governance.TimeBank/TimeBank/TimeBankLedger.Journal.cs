using System.Runtime.InteropServices;
using Governance.People;
using Governance.Resources;

namespace Governance.TimeBank;

/// <content>Storage: committing a transaction to the journal, applying its movements to balances, and the passbook postings read back into entries.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>
    /// Commits the movements gathered in <see cref="_movements"/> as one transaction. Every check that can fail runs
    /// before the first change: the timestamp and the credit's expiry are computed, the transaction is built, and the
    /// write-ahead hook is called; only then is anything applied (<see cref="ApplyCommitted"/>, which cannot fail).
    /// </summary>
    /// <returns>The transaction, or <see langword="null"/> with <see cref="_rejection"/> set when its time is out of range.</returns>
    private TimeBankTransaction? Commit(Id<TimeBankTransaction> id, TimeBankTransactionKind kind, TimeBankRequest? request, string? note, Instant? at = null, HoldState? hold = null)
    {
        var timestamp = Now();
        if (at is { } due && due > _last)
        {
            timestamp = due;
        }

        Instant expiry = default;
        if (_policy.CreditLifetime is not null && CreditsLots() && !TryExpiryOf(timestamp, out expiry))
        {
            Fail(id, TimeBankRejection.TimeOutOfRange,
                TimeBankMessages.Format("CreditPostedWouldExpireLaterBeyond", timestamp, _policy.CreditLifetime));
            return null;
        }

        static TimeBankLeg LegOf(Movement m) => new(m.Debit.Account.Id, m.Credit.Account.Id, new TimeCredit(m.Amount), m.Kind);
        TimeBankTransaction transaction;
        if (_movements.Count == 1)
        {
            transaction = new TimeBankTransaction(id, kind, timestamp, request, LegOf(_movements[0]), note);
        }
        else
        {
            var legs = new TimeBankLeg[_movements.Count];
            for (var i = 0; i < legs.Length; i++)
            {
                legs[i] = LegOf(_movements[i]);
            }

            transaction = new TimeBankTransaction(id, kind, timestamp, request, legs, note);
        }

        try
        {
            Fault("commit");
            _writeAhead?.WriteTransaction(transaction);
        }
        catch
        {
            _movements.Clear();
            throw;
        }

        ApplyCommitted(transaction, hold, expiry);
        return transaction;
    }

    /// <summary>Whether a posted movement credits an account that keeps credit lots (so the credit's expiry is needed).</summary>
    private bool CreditsLots()
    {
        foreach (var m in _movements)
        {
            if (m.Kind == TimeBankLegKind.Posted && m.Credit.Lots is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Applies a committed transaction: its movements (from <see cref="_movements"/>) to balances, passbooks and lots, the
    /// journal and id table, and what its kind does to holds and reversals. Live requests and <see cref="Restore"/> both
    /// come through here, so a restored ledger is the ledger that was exported. Nothing here can fail but allocation.
    /// </summary>
    /// <param name="transaction">The transaction.</param>
    /// <param name="hold">The hold it makes or settles.</param>
    /// <param name="expiry">When the credit it posts to lots expires.</param>
    /// <param name="indexed">Whether its id is filed and its reversal marked already (a restore's first pass does both).</param>
    private void ApplyCommitted(TimeBankTransaction transaction, HoldState? hold, Instant expiry, bool indexed = false)
    {
        foreach (var m in _movements)
        {
            Apply(m, expiry);
        }

        _movements.Clear();
        _last = transaction.Timestamp;
        _journal.Add(transaction);
        switch (transaction.Kind)
        {
            case TimeBankTransactionKind.Hold:
                _holds.Add(hold!.Id, hold);
                _holdExpiries.Enqueue(hold, (hold.Expires, _journal.Count - 1));
                break;
            case TimeBankTransactionKind.HoldPosted:
                hold!.Status = TimeBankHoldStatus.Posted;
                break;
            case TimeBankTransactionKind.HoldVoided:
                hold!.Status = TimeBankHoldStatus.Voided;
                break;
            case TimeBankTransactionKind.HoldExpired:
                hold!.Status = TimeBankHoldStatus.Expired;
                break;
            case TimeBankTransactionKind.Reversal when !indexed:
                _reversed.Add(((ReversalRequest)transaction.Request!).Original.Value);
                break;
        }

        if (transaction.Request is null)
        {
            // The ledger's own transactions; a client's is filed by TryExecute, which has its id's hash.
            _expirySequence++;
            if (!indexed)
            {
                _transactions.Add(transaction, TransactionIndex.Hash(transaction.Id.Value));
            }
        }
    }

    private void Apply(Movement m, Instant expiry)
    {
        switch (m.Kind)
        {
            case TimeBankLegKind.Posted:
                m.Debit.Posted -= m.Amount;
                m.Credit.Posted += m.Amount;
                Record(m.Debit);
                Record(m.Credit);
                if (m.Debit.Lots is { } debitLots)
                {
                    if (m.Hold is { } hold)
                    {
                        hold.SpendLots(m.Amount);
                    }
                    else
                    {
                        debitLots.Consume(m.Amount, null);
                    }
                }

                if (m.Credit.Lots is { } creditLots)
                {
                    creditLots.Add(expiry, m.Amount);
                    _lotExpiries.Enqueue(m.Credit, (expiry, m.Credit.Order));
                }

                break;
            case TimeBankLegKind.Held:
                m.Debit.Held += m.Amount;
                Record(m.Debit);
                m.Debit.Lots?.Consume(m.Amount, m.Hold!.Lots);
                break;
            case TimeBankLegKind.Released:
                m.Debit.Held -= m.Amount;
                Record(m.Debit);
                if (m.Debit.Lots is { } lots)
                {
                    foreach (var lot in m.Hold!.Lots)
                    {
                        lots.Return(lot);
                        _lotExpiries.Enqueue(m.Debit, (lot.Expires, m.Debit.Order));
                    }

                    m.Hold.Lots.Clear();
                }

                break;
        }
    }

    private void Record(AccountState account)
    {
        // One entry per account per transaction: a second leg on the same account updates it. The entry keeps only
        // the balances after the transaction; its amounts and counterparty are read back from the journal.
        var entries = account.Entries;
        var journal = _journal.Count;
        var entry = new Posting(journal, account.Posted);
        var merge = entries.Count > 0 && entries.Last.Journal == journal;
        if (merge)
        {
            entries.Last = entry;
        }
        else
        {
            entries.Add(entry);
        }

        // The held balance after each entry is kept only once the account has held anything: zero until then.
        if (account.HeldAfter is { } heldAfter)
        {
            if (merge)
            {
                heldAfter.Last = account.Held;
            }
            else
            {
                heldAfter.Add(account.Held);
            }
        }
        else if (account.Held != 0)
        {
            heldAfter = account.HeldAfter = new ChunkedList<long>();
            for (var i = 0; i < entries.Count; i++)
            {
                heldAfter.Add(0);
            }

            heldAfter.Last = account.Held;
        }
    }

    private static long HeldAfter(AccountState account, int index) => index < 0 || account.HeldAfter is null ? 0 : account.HeldAfter[index];

    /// <summary>The passbook line of an account's <paramref name="index"/>th entry, given the entry before it (default for the first).</summary>
    private TimeBankEntry EntryOf(AccountState account, int index, Posting entry, Posting previous)
    {
        var transaction = _journal[entry.Journal];
        var id = account.Account.Id;
        var counterparty = default(Id<TimeBankAccount>);
        for (var i = 0; i < transaction.LegCount; i++)
        {
            var leg = transaction.Leg(i);

            // The legs that write to an account: a posted leg on either side, a hold or release on its debit side.
            // Legs carry the account's own id string, so the reference test settles almost every comparison.
            if (ReferenceEquals(leg.Debit.Value, id.Value) || leg.Debit == id)
            {
                counterparty = leg.Credit;
                break;
            }

            if (leg.Kind == TimeBankLegKind.Posted && (ReferenceEquals(leg.Credit.Value, id.Value) || leg.Credit == id))
            {
                counterparty = leg.Debit;
                break;
            }
        }

        var held = HeldAfter(account, index);
        return new TimeBankEntry(
            transaction,
            new TimeCredit(entry.Balance - previous.Balance),
            new TimeCredit(held - HeldAfter(account, index - 1)),
            new TimeCredit(entry.Balance),
            new TimeCredit(held),
            counterparty);
    }

    private int CountUpTo(ChunkedList<Posting> entries, Instant instant, bool inclusive)
    {
        // Entries are in timestamp order: binary search for the first entry after (or at, if exclusive) the instant.
        int lo = 0, hi = entries.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var t = _journal[entries[mid].Journal].Timestamp;
            if (inclusive ? t <= instant : t < instant)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private readonly record struct Movement(AccountState Debit, AccountState Credit, long Amount, TimeBankLegKind Kind, HoldState? Hold = null);

    private sealed class AccountState(TimeBankAccount account, Person? person, LotQueue? lots, int order)
    {
        /// <summary>The account's place in the opening order.</summary>
        public int Order { get; } = order;

        /// <summary>The account's kind, kept here so that the checks read it without touching the account record.</summary>
        public TimeBankAccountKind Kind { get; } = account.Kind;

        public TimeBankAccount Account { get; } = account;

        public Person? Person { get; } = person;

        public LotQueue? Lots { get; } = lots;

        /// <summary>The account's passbook, one entry per transaction that touched it, oldest first.</summary>
        public ChunkedList<Posting> Entries { get; } = new();

        /// <summary>The held balance after each entry, parallel to <see cref="Entries"/>; null while the account has never held anything.</summary>
        public ChunkedList<long>? HeldAfter { get; set; }

        public long Posted { get; set; }

        public long Held { get; set; }
    }

    /// <summary>
    /// One passbook entry as stored: the transaction's place in the journal and the posted balance after it (the held
    /// balance, rarely non-zero, is kept apart). It holds no references, so the garbage collector never scans the
    /// (large) arrays of entries.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Posting(int Journal, long Balance);
}
