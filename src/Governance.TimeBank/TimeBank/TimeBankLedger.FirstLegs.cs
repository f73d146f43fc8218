using System.Runtime.CompilerServices;

namespace Governance.TimeBank;

/// <content>Restore's account look-ups shared between its two threads.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>
    /// The first legs' accounts, looked up on the ids pass's thread once that pass is done: from the journal's end
    /// backwards, a batch of <see cref="LookAhead"/> at a time, until it meets the postings pass coming forwards, which
    /// looks up its own until then. The accounts are not added to while transactions are imported, so both threads may
    /// read them.
    /// </summary>
    private sealed class FirstLegs
    {
        private AccountState?[]? _resolved;
        private int _first;
        private int _resolvedFrom = int.MaxValue;
        private int _postingsAt;

        /// <summary>
        /// Gives the looked-up accounts if the batch starting at <paramref name="start"/> has them (where its first
        /// transaction's are in <paramref name="resolved"/>: <paramref name="at"/>), and says how far the postings pass is.
        /// </summary>
        public bool TryGet(int start, out AccountState?[] resolved, out int at)
        {
            Volatile.Write(ref _postingsAt, start);
            if (start >= Volatile.Read(ref _resolvedFrom))
            {
                (resolved, at) = (_resolved!, 2 * (start - _first));
                return true;
            }

            (resolved, at) = (null!, 0);
            return false;
        }

        /// <summary>Tells the other thread to stop looking up.</summary>
        public void Stop() => Volatile.Write(ref _postingsAt, int.MaxValue);

        /// <summary>Looks up batches from the end until the postings pass is one batch away; returns null (no inconsistency to report).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public ImportException? ResolveBackwards(TimeBankLedger ledger, TimeBankTransaction[] transactions)
        {
            // Room for the batches after the one the postings pass is at now: it only moves on.
            var postingsAt = Volatile.Read(ref _postingsAt);
            if (postingsAt == int.MaxValue)
            {
                return null;
            }

            _first = ((postingsAt / LookAhead) + 1) * LookAhead;
            if (_first >= transactions.Length)
            {
                return null;
            }

            var resolved = _resolved = new AccountState?[2 * (transactions.Length - _first)];
            for (var start = (transactions.Length - 1) / LookAhead * LookAhead; start >= _first; start -= LookAhead)
            {
                if (start <= Volatile.Read(ref _postingsAt) + LookAhead)
                {
                    break;
                }

                for (var index = start; index < Math.Min(transactions.Length, start + LookAhead); index++)
                {
                    var slot = 2 * (index - _first);
                    (resolved[slot], resolved[slot + 1]) = ledger.FirstLegAccounts(transactions[index]);
                }

                Volatile.Write(ref _resolvedFrom, start);
            }

            return null;
        }
    }
}
