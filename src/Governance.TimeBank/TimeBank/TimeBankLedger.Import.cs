using Governance.Resources;
using Governance.Validation;

namespace Governance.TimeBank;

/// <content>Restore's journal: the two passes that check and apply the exported transactions.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>
    /// The journal in two independent passes over the transactions: the ids (the id table, reversal marks and the numbering
    /// of the ledger's own transactions) and everything else (balances, passbooks, holds, lots). They share no state, so a
    /// large journal runs them on two threads; the first inconsistency in journal order is reported either way.
    /// </summary>
    private void ImportTransactions(IReadOnlyList<TimeBankTransaction> transactions)
    {
        _transactions.Reserve(transactions.Count);
        if (transactions.Count < ParallelRestoreThreshold || Environment.ProcessorCount < 2)
        {
            var failure = ImportIds(transactions);
            try
            {
                ImportPostings(transactions, failure?.Index ?? transactions.Count);
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

        var ids = Task.Factory.StartNew(() => ImportIds(transactions), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            ImportPostings(transactions, transactions.Count);
        }
        catch (ImportException postings)
        {
            throw ids.GetAwaiter().GetResult() is { } first && first.Index < postings.Index ? first.Error : postings.Error;
        }

        if (ids.GetAwaiter().GetResult() is { } idFailure)
        {
            throw idFailure.Error;
        }
    }

    /// <summary>The first pass: ids used once, reversals of earlier transactions reversed once, the ledger's own numbered in order.</summary>
    /// <returns>The first inconsistency found, or null.</returns>
    private ImportException? ImportIds(IReadOnlyList<TimeBankTransaction> transactions)
    {
        long systemSequence = 0;
        Span<int> hashes = stackalloc int[LookAhead];
        var touched = 0;
        for (var index = 0; index < transactions.Count; index++)
        {
            if (index % LookAhead == 0)
            {
                // As in the postings pass: a batch's ids are hashed and their buckets touched first, so that the
                // misses overlap.
                for (var ahead = index; ahead < Math.Min(transactions.Count, index + LookAhead); ahead++)
                {
                    var hashed = transactions[ahead]?.Id.Value is { } next ? TransactionIndex.Hash(next) : 0;
                    hashes[ahead - index] = hashed;
                    touched += _transactions.Touch(hashed);
                }
            }

            var t = transactions[index];
            if (t?.Id.Value is not { } id)
            {
                return new(index, Corrupt(index, null, TimeBankMessages.Text("TransactionIdMissing")));
            }

            var hash = hashes[index % LookAhead];
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

            if (system
                && (!TryParseSystemId(id, out _, out var sequence) || sequence != ++systemSequence))
            {
                return new(index, Corrupt(index, t, TimeBankMessages.Format("LedgerSOwnTransactionsNumberedOrder", systemSequence)));
            }

            _transactions.Add(t, hash);
        }

        _touchedIds = touched;
        return null;
    }

    /// <summary>The second pass: each transaction applied as it was recorded, after the checks that it can follow the ones before it.</summary>
    /// <param name="transactions">The journal.</param>
    /// <param name="stop">Where to stop: the count, or the transaction the first pass refused when it ran first.</param>
    /// <exception cref="ImportException">A transaction cannot follow the ones before it.</exception>
    private void ImportPostings(IReadOnlyList<TimeBankTransaction> transactions, int stop)
    {
        // The pass is bound by memory: each transaction's accounts sit at random among the ledger's. A batch's first
        // leg's accounts are looked up (and their state and next passbook slot read) in one short loop, whose
        // iterations do not depend on each other, so their cache misses overlap instead of following one another.
        var accounts = new AccountState?[2 * LookAhead];
        for (var start = 0; start < stop; start += LookAhead)
        {
            var end = Math.Min(stop, start + LookAhead);
            long touched = 0;
            for (var index = start; index < end; index++)
            {
                var slot = 2 * (index - start);
                if (transactions[index] is { LegCount: > 0 } t)
                {
                    var leg = t.Leg(0);
                    var (debit, credit) = (ImportedAccount(leg.Debit.Value), ImportedAccount(leg.Credit.Value));
                    (accounts[slot], accounts[slot + 1]) = (debit, credit);
                    touched += Touch(debit) + Touch(credit);
                }
                else
                {
                    (accounts[slot], accounts[slot + 1]) = (null, null);
                }
            }

            _touched = touched;
            for (var index = start; index < end; index++)
            {
                try
                {
                    var slot = 2 * (index - start);
                    Import(transactions[index], index, accounts[slot], accounts[slot + 1]);
                }
                catch (ValidationFailedException e)
                {
                    throw new ImportException(index, e);
                }
            }
        }
    }

    /// <summary>How many transactions each pass of a restore looks ahead at once.</summary>
    private const int LookAhead = 64;

    /// <summary>
    /// Where the look-ahead's reads end up, so that they are not dropped as unused: one field for each pass, as the two
    /// passes run on two threads.
    /// </summary>
    private long _touched;

    /// <inheritdoc cref="_touched"/>
    private int _touchedIds;

    /// <summary>Reads an account's balance and the passbook slot its next entry goes to, bringing both into the cache.</summary>
    private static long Touch(AccountState? account) => account is null ? 0 : account.Posted + account.Entries.Peek();

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
