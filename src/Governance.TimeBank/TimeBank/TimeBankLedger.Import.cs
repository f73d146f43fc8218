using System.Runtime.CompilerServices;
using Governance.Resources;
using Governance.Validation;

namespace Governance.TimeBank;

/// <content>Restore's journal: the two passes that check and apply the exported transactions.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>
    /// The journal in two independent passes over the transactions: the ids (the id table, reversal marks and the numbering
    /// of the ledger's own transactions) and everything else (balances, passbooks, holds, lots). They write no state in
    /// common (both only read the accounts), so a large journal runs them on two threads; the first inconsistency in
    /// journal order is reported either way.
    /// </summary>
    private void ImportTransactions(IReadOnlyList<TimeBankTransaction> journal)
    {
        // An array, read without an interface call per transaction (an export's is one already).
        var transactions = journal as TimeBankTransaction[] ?? [.. journal];
        _transactions.Reserve(transactions.Length);
        if (transactions.Length < ParallelRestoreThreshold || Environment.ProcessorCount < 2)
        {
            var failure = ImportIds(transactions);
            try
            {
                ImportPostings(transactions, failure?.Index ?? transactions.Length);
            }
            catch (ImportException postings)
            {
                throw postings.Error;
            }

            if (failure is not null)
            {
                throw failure.Error;
            }

            return;
        }

        // The ids pass is the shorter: when it is done, its thread looks up the accounts of the journal's last
        // transactions for the postings pass, working backwards until the two meet.
        var accounts = new FirstLegs();
        var ids = Task.Factory.StartNew(
            () => ImportIds(transactions) ?? accounts.ResolveBackwards(this, transactions),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        if (LookUpsFirst)
        {
            ids.Wait();
        }

        try
        {
            ImportPostings(transactions, transactions.Length, accounts);
        }
        catch (ImportException postings)
        {
            accounts.Stop();
            throw ids.GetAwaiter().GetResult() is { } first && first.Index < postings.Index ? first.Error : postings.Error;
        }

        accounts.Stop();
        if (ids.GetAwaiter().GetResult() is { } idFailure)
        {
            throw idFailure.Error;
        }
    }

    /// <summary>The first pass: ids used once, reversals of earlier transactions reversed once, the ledger's own numbered in order.</summary>
    /// <returns>The first inconsistency found, or null.</returns>
    private ImportException? ImportIds(TimeBankTransaction[] transactions)
    {
        if (TryImportIdsAtOnce(transactions))
        {
            return null;
        }

        // Something is wrong: start again one transaction at a time, to find the first inconsistency and say what it is.
        _transactions = new TransactionIndex();
        _transactions.Reserve(transactions.Length);
        _reversed.Clear();
        return ImportIdsInOrder(transactions);
    }

    /// <summary>
    /// The first pass for a consistent journal, at once: each transaction's own checks and its id's hash in journal
    /// order; then the id table, filled bucket by bucket (<see cref="TransactionIndex.TryAddAll"/>: adding the ids in
    /// journal order would land each one in a bucket at random, a cache miss apiece); then the reversals.
    /// </summary>
    /// <returns>Whether the journal passed; false at the first sign of an inconsistency, which the pass in order then names.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryImportIdsAtOnce(TimeBankTransaction[] transactions)
    {
        var hashes = GC.AllocateUninitializedArray<int>(transactions.Length);
        List<int>? reversals = null;
        long systemSequence = 0;
        for (var index = 0; index < transactions.Length; index++)
        {
            var t = transactions[index];
            if (t?.Id.Value is not { } id)
            {
                return false;
            }

            var system = id.StartsWith(SystemPrefix, StringComparison.Ordinal);
            if (system != t.Request is null || (t.Request is { } own && own.Id != t.Id) || !KindMatches(t)
                || (system && !NumberedInOrder(id, ref systemSequence)))
            {
                return false;
            }

            if (t.Kind == TimeBankTransactionKind.Reversal)
            {
                (reversals ??= []).Add(index);
            }

            hashes[index] = TransactionIndex.Hash(id);
        }

        if (!_transactions.TryAddAll(transactions, hashes))
        {
            return false;
        }

        foreach (var index in reversals ?? [])
        {
            var original = ((ReversalRequest)transactions[index].Request!).Original.Value;
            if (original is null || _transactions.Find(original) is not { } reversed || !Precedes(transactions, reversed, index) || !_reversed.Add(original))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="transaction"/> is in the journal before <paramref name="index"/>: looked for among the
    /// transactions of its timestamp, by binary search (so false, too, where the journal is out of time order, which the
    /// postings pass refuses).
    /// </summary>
    private static bool Precedes(TimeBankTransaction[] transactions, TimeBankTransaction transaction, int index)
    {
        int lo = 0, hi = index;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (transactions[mid].Timestamp < transaction.Timestamp)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (; lo < index && transactions[lo].Timestamp == transaction.Timestamp; lo++)
        {
            if (ReferenceEquals(transactions[lo], transaction))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a ledger's own transaction id carries the next number of the ledger's own (counted in <paramref name="sequence"/>).</summary>
    private static bool NumberedInOrder(string id, ref long sequence) => TryParseSystemId(id, out _, out var number) && number == ++sequence;

    /// <summary>The first pass one transaction at a time, stopping at the first inconsistency.</summary>
    /// <returns>The first inconsistency, or null.</returns>
    private ImportException? ImportIdsInOrder(TimeBankTransaction[] transactions)
    {
        long systemSequence = 0;
        for (var index = 0; index < transactions.Length; index++)
        {
            var t = transactions[index];
            if (t?.Id.Value is not { } id)
            {
                return new(index, Corrupt(index, null, TimeBankMessages.Text("TransactionIdMissing")));
            }

            var hash = TransactionIndex.Hash(id);
            if (_transactions.Find(id, hash) is not null)
            {
                return new(index, Corrupt(index, t, TimeBankMessages.Text("IdUsedTwice")));
            }

            var system = id.StartsWith(SystemPrefix, StringComparison.Ordinal);
            if (system != t.Request is null || (t.Request is { } own && own.Id != t.Id))
            {
                return new(index, Corrupt(index, t, TimeBankMessages.Text("ClientSTransactionCarriesRequestOwn")));
            }

            if (!KindMatches(t))
            {
                return new(index, Corrupt(index, t, TimeBankMessages.Format("RequestDoesNotMakeKind", t.Request?.GetType().Name ?? "-", t.Kind)));
            }

            if (t.Kind == TimeBankTransactionKind.Reversal && t.Request is ReversalRequest reversal)
            {
                var original = reversal.Original.Value;
                if (original is null || _transactions.Find(original) is null || !_reversed.Add(original))
                {
                    return new(index, Corrupt(index, t, TimeBankMessages.Format("ReversesEarlierTransactionWasReversedAlready", original)));
                }
            }

            if (system && !NumberedInOrder(id, ref systemSequence))
            {
                return new(index, Corrupt(index, t, TimeBankMessages.Format("LedgerSOwnTransactionsNumberedOrder", systemSequence)));
            }

            _transactions.Add(t, hash);
        }

        return null;
    }

    /// <summary>The second pass: each transaction applied as it was recorded, after the checks that it can follow the ones before it.</summary>
    /// <param name="transactions">The journal.</param>
    /// <param name="stop">Where to stop: the count, or the transaction the first pass refused when it ran first.</param>
    /// <exception cref="ImportException">A transaction cannot follow the ones before it.</exception>
    /// <param name="accounts">The first legs' accounts the other thread has looked up; null when the pass runs alone.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ImportPostings(TimeBankTransaction[] transactions, int stop, FirstLegs? accounts = null)
    {
        // The pass is bound by memory: each transaction's accounts sit at random among the ledger's. A batch's first
        // leg's accounts are looked up (and their state and next passbook slot read) in one short loop, whose
        // iterations do not depend on each other, so their cache misses overlap instead of following one another.
        var own = new AccountState?[2 * LookAhead];
        for (var start = 0; start < stop; start += LookAhead)
        {
            var end = Math.Min(stop, start + LookAhead);
            var (batch, offset) = accounts is not null && accounts.TryGet(start, out var resolved, out var at) ? (resolved, at) : (own, 0);
            long touched = 0;
            for (var index = start; index < end; index++)
            {
                var slot = (2 * (index - start)) + offset;
                if (batch == own)
                {
                    (own[slot], own[slot + 1]) = FirstLegAccounts(transactions[index]);
                }

                touched += (batch[slot]?.Posted ?? 0) + (batch[slot + 1]?.Posted ?? 0);
            }

            // Then, the state read, the slot each account's next passbook entry goes to (a read that depends on the state).
            for (var slot = offset; slot < offset + (2 * (end - start)); slot++)
            {
                touched += batch[slot]?.Entries.Peek() ?? 0;
            }

            _touched = touched;
            for (var index = start; index < end; index++)
            {
                try
                {
                    var slot = (2 * (index - start)) + offset;
                    Import(transactions[index], index, batch[slot], batch[slot + 1]);
                }
                catch (ValidationFailedException e)
                {
                    throw new ImportException(index, e);
                }
            }
        }
    }

    /// <summary>The accounts a transaction's first leg names (null for an account the ledger lacks, or for no leg).</summary>
    private (AccountState? Debit, AccountState? Credit) FirstLegAccounts(TimeBankTransaction? t)
    {
        if (t is not { LegCount: > 0 })
        {
            return (null, null);
        }

        var leg = t.Leg(0);
        return (ImportedAccount(leg.Debit.Value), ImportedAccount(leg.Credit.Value));
    }

    /// <summary>How many transactions the postings pass looks ahead at once.</summary>
    private const int LookAhead = 64;

    /// <summary>Where the postings pass's look-ahead reads end up, so that they are not dropped as unused.</summary>
    private long _touched;

    /// <summary>Whether the postings pass waits for the other thread's look-ups before it starts (tests set it, so that every batch after the second comes from them).</summary>
    internal static bool LookUpsFirst { get; set; }

    /// <summary>From how many transactions a restore runs its two passes on two threads (tests lower it).</summary>
    internal static int ParallelRestoreThreshold { get; set; } = 1 << 16;

    /// <summary>The error for transaction <paramref name="index"/> (made only when refusing: the path is not formatted on the hot path).</summary>
    private static ValidationFailedException Corrupt(int index, TimeBankTransaction? t, string message) =>
        Corrupt($"$.transactions[{index}]", t is null ? message : TimeBankMessages.Format("TransactionRefused", t.Id, t.Kind, message));

    private void Import(TimeBankTransaction? t, int index, AccountState? firstDebit, AccountState? firstCredit)
    {
        if (t is null)
        {
            throw Corrupt(index, null, TimeBankMessages.Text("TransactionNull"));
        }

        ValidationFailedException fail(string message) => Corrupt(index, t, message);
        if (t.Timestamp < _last)
        {
            throw fail(TimeBankMessages.Format("DatedBeforeTransactionBefore", t.Timestamp, _last));
        }

        if (t.LegCount == 0)
        {
            throw fail(TimeBankMessages.Text("NoLegs"));
        }

        var hold = t.Kind is TimeBankTransactionKind.Hold or TimeBankTransactionKind.HoldPosted or TimeBankTransactionKind.HoldVoided or TimeBankTransactionKind.HoldExpired
            ? ImportedHold(t, index)
            : null;
        _movements.Clear();
        for (var i = 0; i < t.LegCount; i++)
        {
            var leg = t.Leg(i);
            var (debit, credit) = i == 0 ? (firstDebit, firstCredit) : (ImportedAccount(leg.Debit.Value), ImportedAccount(leg.Credit.Value));
            if (debit is null || credit is null)
            {
                throw fail(TimeBankMessages.Format("LegNamesAccountLedgerDoes", i, leg.Debit, leg.Credit));
            }

            var heldOrReleased = leg.Kind is TimeBankLegKind.Held or TimeBankLegKind.Released;
            if (leg.Amount.Minutes <= 0 || (uint)leg.Kind > (uint)TimeBankLegKind.Released || debit == credit
                || (heldOrReleased && (hold is null || hold.Holder != debit || leg.Amount.Minutes != hold.Amount)))
            {
                throw fail(TimeBankMessages.Format("LegLegLedgerWrites", i, leg.Kind, leg.Amount, leg.Debit, leg.Credit));
            }

            var legHold = heldOrReleased || t.Kind == TimeBankTransactionKind.HoldPosted ? hold : null;
            _movements.Add(new Movement(debit, credit, leg.Amount.Minutes, leg.Kind, legHold));
        }

        if (!CheckLimits(t.Id))
        {
            var message = _rejection!.Message;
            _rejection = null;
            throw fail(message);
        }

        Instant expiry = default;
        if (_policy.CreditLifetime is not null && CreditsLots() && !TryExpiryOf(t.Timestamp, out expiry))
        {
            _movements.Clear();
            throw fail(TimeBankMessages.Text("CreditSExpiryBeyondLastRepresentable"));
        }

        ApplyCommitted(t, hold, expiry, indexed: true);
    }

    /// <summary>The account a leg names; the issuing account and the pool (on most legs) without a look-up.</summary>
    private AccountState? ImportedAccount(string? id) =>
        id is null ? null
        : ReferenceEquals(id, IssuingAccountId.Value) ? _issuing
        : ReferenceEquals(id, PoolAccountId.Value) ? _pool
        : _accounts.GetValueOrDefault(id);

    private static bool KindMatches(TimeBankTransaction t) => (t.Kind, t.Request) switch
    {
        (TimeBankTransactionKind.Deposit, DepositRequest) => true,
        (TimeBankTransactionKind.Redemption, RedemptionRequest) => true,
        (TimeBankTransactionKind.Gift, GiftRequest) => true,
        (TimeBankTransactionKind.Donation, DonationRequest) => true,
        (TimeBankTransactionKind.PoolAllocation, PoolAllocationRequest) => true,
        (TimeBankTransactionKind.Hold, HoldRequest) => true,
        (TimeBankTransactionKind.HoldPosted, PostHoldRequest) => true,
        (TimeBankTransactionKind.HoldVoided, VoidHoldRequest) => true,
        (TimeBankTransactionKind.Reversal, ReversalRequest) => true,
        (TimeBankTransactionKind.HoldExpired or TimeBankTransactionKind.CreditExpired, null) => true,
        _ => false,
    };

    /// <summary>The hold a transaction makes or settles: a new one for a hold, the pending one it names otherwise.</summary>
    private HoldState? ImportedHold(TimeBankTransaction t, int index)
    {
        ValidationFailedException fail(string message) => Corrupt(index, t, message);
        string? settles;
        switch (t.Kind)
        {
            case TimeBankTransactionKind.Hold:
                if (t.Request is not HoldRequest r)
                {
                    throw fail(TimeBankMessages.Text("HoldNeedsHoldRequest"));
                }

                if (r.Holder.Value is null || !_accounts.TryGetValue(r.Holder.Value, out var holder) || r.Amount.Minutes <= 0)
                {
                    throw fail(TimeBankMessages.Format("HoldSHolderUnknownAmountPositive", r.Holder, r.Amount));
                }

                return new HoldState(t.Id.Value, holder, r.Amount.Minutes, r.Expires);
            case TimeBankTransactionKind.HoldPosted:
                settles = (t.Request as PostHoldRequest)?.Hold.Value;
                break;
            case TimeBankTransactionKind.HoldVoided:
                settles = (t.Request as VoidHoldRequest)?.Hold.Value;
                break;
            case TimeBankTransactionKind.HoldExpired:
                settles = TryParseSystemId(t.Id.Value, out var subject, out _) ? subject : null;
                break;
            default:
                return null;
        }

        return settles is not null && _holds.TryGetValue(settles, out var hold) && hold.Status == TimeBankHoldStatus.Pending
            ? hold
            : throw fail(TimeBankMessages.Format("SettlesHoldPending", settles));
    }

    /// <summary>An inconsistency found at a place in the journal, so the two passes can report the first one.</summary>
    private sealed class ImportException(int index, ValidationFailedException error) : Exception(error.Message, error)
    {
        public int Index { get; } = index;

        public ValidationFailedException Error { get; } = error;
    }
}
