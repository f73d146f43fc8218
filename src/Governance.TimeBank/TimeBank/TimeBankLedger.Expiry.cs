using System.Globalization;
using Governance.People;

namespace Governance.TimeBank;

/// <content>Time: the ledger's clock, credit lots and their expiry, and the sweep that writes due expirations of holds and credit.</content>
public sealed partial class TimeBankLedger
{
    private void Sweep()
    {
        // Every public member sweeps first, so this one reading of the clock serves the whole operation. An entry leaves
        // its queue only once its expiry is committed (or found moot), so a write-ahead hook that throws loses nothing.
        var now = _clockNow = _clock.GetCurrentInstant();
        while (true)
        {
            var holdDue = _holdExpiries.TryPeek(out var hold, out var holdKey) && holdKey.Due <= now;
            var lotDue = _lotExpiries.TryPeek(out var account, out var lotKey) && lotKey.Due <= now;
            var (holdAt, lotAt) = (holdKey.Due, lotKey.Due);
            if (!holdDue && !lotDue)
            {
                return;
            }

            if (holdDue && (!lotDue || holdAt <= lotAt))
            {
                if (hold!.Status == TimeBankHoldStatus.Pending)
                {
                    Fault("sweep");
                    _movements.Clear();
                    _movements.Add(new Movement(hold.Holder, _issuing, hold.Amount, TimeBankLegKind.Released, hold));
                    Commit(SystemId("expired", hold.Id), TimeBankTransactionKind.HoldExpired, null, $"预约过期 {hold.Id}", holdAt, hold);
                }

                _holdExpiries.Dequeue();
            }
            else
            {
                var expired = account!.Lots!.ExpiredBy(lotAt);
                if (expired > 0)
                {
                    // Posting the expired credit to the issuing account consumes exactly the lots expired by then (oldest first).
                    Fault("sweep");
                    _movements.Clear();
                    _movements.Add(new Movement(account, _issuing, expired, TimeBankLegKind.Posted));
                    Commit(SystemId("credit-expired", account.Account.Id.Value), TimeBankTransactionKind.CreditExpired, null,
                        $"时间过期：{FormatLocal(lotAt)} 到期", lotAt);
                }

                _lotExpiries.Dequeue();
            }
        }
    }

    /// <summary>The id of the ledger's next own transaction; the sequence moves when it is committed.</summary>
    private Id<TimeBankTransaction> SystemId(string what, string subject) =>
        $"{SystemPrefix}{what}:{subject}:{(_expirySequence + 1).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The hold a <c>sys:expired:{hold}:{n}</c> id names, and its sequence number.</summary>
    private static bool TryParseSystemId(string id, out string subject, out long sequence)
    {
        subject = "";
        sequence = 0;
        var colon = id.LastIndexOf(':');
        var kindEnd = id.IndexOf(':', SystemPrefix.Length);
        if (!id.StartsWith(SystemPrefix, StringComparison.Ordinal) || kindEnd < 0 || colon <= kindEnd
            || !long.TryParse(id.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        subject = id[(kindEnd + 1)..colon];
        return true;
    }

    private bool TryExpiryOf(Instant credited, out Instant expiry)
    {
        var zone = _policy.TimeZone;
        try
        {
            expiry = credited.InZone(zone).LocalDateTime.Plus(_policy.CreditLifetime!).InZoneLeniently(zone).ToInstant();
            return true;
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            expiry = default;
            return false;
        }
    }

    /// <summary>The ledger's time: the clock as the sweep read it, never before the last transaction.</summary>
    private Instant Now() => _clockNow > _last ? _clockNow : _last;

    private string FormatLocal(Instant instant) => instant.InZone(_policy.TimeZone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string FormatLocal(Interval period) => $"{FormatLocal(period.Start)}–{period.End.InZone(_policy.TimeZone).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private sealed class HoldState(string id, AccountState holder, long amount, Instant expires)
    {
        public string Id { get; } = id;

        public AccountState Holder { get; } = holder;

        public long Amount { get; } = amount;

        public Instant Expires { get; } = expires;

        public TimeBankHoldStatus Status { get; set; } = TimeBankHoldStatus.Pending;

        /// <summary>The lots the hold reserved, oldest first (only with a credit lifetime).</summary>
        public List<Lot> Lots { get; } = [];

        public void SpendLots(long amount)
        {
            // The posted part spends the oldest reserved lots; the release that follows returns the rest.
            var i = 0;
            while (amount > 0)
            {
                var lot = Lots[i];
                var take = Math.Min(amount, lot.Remaining);
                amount -= take;
                if (take == lot.Remaining)
                {
                    Lots.RemoveAt(i);
                }
                else
                {
                    Lots[i] = lot with { Remaining = lot.Remaining - take };
                    i++;
                }
            }
        }
    }

    private readonly record struct Lot(Instant Expires, long Remaining);

    /// <summary>Credit lots of one account, oldest expiry first.</summary>
    private sealed class LotQueue
    {
        private readonly List<Lot> _lots = [];
        private int _head;

        public long Total { get; private set; }

        public void Add(Instant expires, long amount)
        {
            Return(new Lot(expires, amount));
        }

        public void Return(Lot lot)
        {
            var index = _lots.Count;
            while (index > _head && _lots[index - 1].Expires > lot.Expires)
            {
                index--;
            }

            _lots.Insert(index, lot);
            Total += lot.Remaining;
        }

        public void Consume(long amount, List<Lot>? into)
        {
            while (amount > 0)
            {
                var lot = _lots[_head];
                var take = Math.Min(amount, lot.Remaining);
                amount -= take;
                Total -= take;
                into?.Add(lot with { Remaining = take });
                if (take == lot.Remaining)
                {
                    _head++;
                }
                else
                {
                    _lots[_head] = lot with { Remaining = lot.Remaining - take };
                }
            }

            Compact();
        }

        /// <summary>The credit in lots that expire at or before <paramref name="at"/> (the oldest lots); nothing is taken.</summary>
        public long ExpiredBy(Instant at)
        {
            long expired = 0;
            for (var i = _head; i < _lots.Count && _lots[i].Expires <= at; i++)
            {
                expired += _lots[i].Remaining;
            }

            return expired;
        }

        private void Compact()
        {
            if (_head > 64 && _head * 2 > _lots.Count)
            {
                _lots.RemoveRange(0, _head);
                _head = 0;
            }
        }
    }
}
