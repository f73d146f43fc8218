using System.Globalization;
using Governance.People;

namespace Governance.TimeBank;

/// <content>Time: the ledger's clock, credit lots and their expiry, and the sweep that writes due expirations of holds and credit.</content>
public sealed partial class TimeBankLedger
{
    private void Sweep()
    {
        // Every public member sweeps first, so this one reading of the clock serves the whole operation.
        var now = _clockNow = _clock.GetCurrentInstant();
        while (true)
        {
            var holdDue = _holdExpiries.TryPeek(out var hold, out var holdAt) && holdAt <= now;
            var lotDue = _lotExpiries.TryPeek(out var account, out var lotAt) && lotAt <= now;
            if (!holdDue && !lotDue)
            {
                return;
            }

            if (holdDue && (!lotDue || holdAt <= lotAt))
            {
                _holdExpiries.Dequeue();
                if (hold!.Status != TimeBankHoldStatus.Pending)
                {
                    continue;
                }

                _movements.Clear();
                _movements.Add(new Movement(hold.Holder, _issuing, hold.Amount, TimeBankLegKind.Released, hold));
                hold.Status = TimeBankHoldStatus.Expired;
                Commit(SystemId("expired", hold.Id), TimeBankTransactionKind.HoldExpired, null, $"预约过期 {hold.Id}", holdAt);
            }
            else
            {
                _lotExpiries.Dequeue();
                var expired = account!.Lots!.TakeExpired(lotAt);
                if (expired == 0)
                {
                    continue;
                }

                _movements.Clear();
                _movements.Add(new Movement(account, _issuing, expired, TimeBankLegKind.Posted, LotsHandled: true));
                Commit(SystemId("credit-expired", account.Account.Id.Value), TimeBankTransactionKind.CreditExpired, null,
                    $"时间过期：{FormatLocal(lotAt)} 到期", lotAt);
            }
        }
    }

    private Id<TimeBankTransaction> SystemId(string what, string subject) =>
        $"{SystemPrefix}{what}:{subject}:{(++_expirySequence).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The ledger's time: the clock as the sweep read it, never before the last transaction.</summary>
    private Instant Now() => _clockNow > _last ? _clockNow : _last;

    private Instant ExpiryOf(Instant credited)
    {
        var zone = _policy.TimeZone;
        return credited.InZone(zone).LocalDateTime.Plus(_policy.CreditLifetime!).InZoneLeniently(zone).ToInstant();
    }

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

        public long TakeExpired(Instant at)
        {
            long expired = 0;
            while (_head < _lots.Count && _lots[_head].Expires <= at)
            {
                expired += _lots[_head].Remaining;
                _head++;
            }

            Total -= expired;
            Compact();
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
