using System.Globalization;
using Governance.People;

namespace Governance.TimeBank;

/// <content>The rules of each kind of request: what a deposit, redemption, gift, donation, pool allocation, hold, post, void and reversal check and which movements they write.</content>
public sealed partial class TimeBankLedger
{
    private TimeBankTransaction? ExecuteDeposit(DepositRequest r)
    {
        ArgumentNullException.ThrowIfNull(r.Service, "request.Service");
        ArgumentNullException.ThrowIfNull(r.Service.Type, "request.Service.Type");
        CheckId(r.VerifiedBy.Value, "request.VerifiedBy");
        var account = Account(r.Account.Value, "request.Account");
        if (account.Account.Kind is not (TimeBankAccountKind.Person or TimeBankAccountKind.Group))
        {
            throw new ArgumentException($"Deposits go to a person's or a team's account; '{r.Account}' is the {account.Account.Kind} account.", "request.Account");
        }

        if (r.Service.Type.Kind != ServiceTypeKind.Volunteer)
        {
            throw new ArgumentException($"A deposit needs a volunteer service; '{r.Service.Type.Id}' ({r.Service.Type.Name}) is {r.Service.Type.Kind}.", "request.Service");
        }

        if (!r.Service.Period.HasStart || !r.Service.Period.HasEnd)
        {
            throw new ArgumentException("A deposited service needs its start and its end.", "request.Service");
        }

        var now = Now();
        if (r.Service.Period.Start < EarliestService || r.Service.Period.End > now + Duration.FromDays(1))
        {
            throw new ArgumentOutOfRangeException("request.Service", r.Service.Period,
                $"A deposit records service that has happened: from 1900 until the ledger's current time ({now}), with a day's leeway.");
        }

        if (!CheckVerifier(r.Id, account, r.VerifiedBy))
        {
            return null;
        }

        var length = r.Service.Period.Duration;
        if (length > Duration.FromHours(24))
        {
            throw new ArgumentOutOfRangeException("request.Service", length, "A deposited stretch of service must be at most 24 hours; split longer service into days.");
        }

        var credit = r.Service.Type.CreditFor(length).Minutes;
        if (credit <= 0)
        {
            throw new ArgumentOutOfRangeException("request.Service", length, $"The service earns no credit at {r.Service.Type.CreditMinutesPerHour} minutes per hour; expected a longer service.");
        }

        if (!CreditWithCap(r.Id, _issuing, account, credit))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Deposit, r, $"{r.Service.Type.Name} {FormatLocal(r.Service.Period)}{(r.Service.Note is null ? "" : " " + r.Service.Note)}");
    }

    private TimeBankTransaction? ExecuteRedemption(RedemptionRequest r)
    {
        ArgumentNullException.ThrowIfNull(r.Service, "request.Service");
        var holder = CheckCare(r.Id, r.Holder, r.Recipient, r.Service, r.ServiceDate, r.Amount);
        if (holder is null)
        {
            return null;
        }

        _movements.Add(new Movement(holder, _issuing, r.Amount.Minutes, TimeBankLegKind.Posted));
        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Redemption, r, $"{r.Service.Name} {r.ServiceDate:uuuu-MM-dd} → {r.Recipient}");
    }

    private TimeBankTransaction? ExecuteGift(GiftRequest r)
    {
        CheckPositive(r.Amount, "request.Amount");
        var from = Account(r.From.Value, "request.From");
        var to = Account(r.To.Value, "request.To");
        if (from.Account.Kind != TimeBankAccountKind.Person || to.Account.Kind != TimeBankAccountKind.Person)
        {
            var other = from.Account.Kind != TimeBankAccountKind.Person ? from : to;
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotAllowedForAccount,
                $"'{other.Account.Id}' is the {other.Account.Kind} account; gifts go from one person's account to another's (a team's hours can only be donated).");
        }

        if (from == to)
        {
            throw new ArgumentException($"A gift needs two different accounts; was '{r.From}' twice.", "request.To");
        }

        if (_policy.GiftRecipients == GiftRecipients.RelativesOnly && !_relations.ContainsKey((from.Account.Id.Value, to.Account.Id.Value)))
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotEligible,
                $"'{r.To}' is not a registered spouse or direct relative of '{r.From}', and the policy allows gifts to relatives only.");
        }

        if (!CreditWithCap(r.Id, from, to, r.Amount.Minutes))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Gift, r, null);
    }

    private TimeBankTransaction? ExecuteDonation(DonationRequest r)
    {
        CheckPositive(r.Amount, "request.Amount");
        var from = Account(r.From.Value, "request.From");
        if (from.Account.Kind is not (TimeBankAccountKind.Person or TimeBankAccountKind.Group))
        {
            throw new ArgumentException($"Donations come from a person's or a team's account; '{r.From}' is the {from.Account.Kind} account.", "request.From");
        }

        _movements.Add(new Movement(from, _pool, r.Amount.Minutes, TimeBankLegKind.Posted));
        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Donation, r, null);
    }

    private TimeBankTransaction? ExecuteAllocation(PoolAllocationRequest r)
    {
        ArgumentNullException.ThrowIfNull(r.Claims, "request.Claims");
        if (r.Claims.Count == 0)
        {
            throw new ArgumentException("A pool allocation needs at least one claim; was none.", "request.Claims");
        }

        var today = Now().InZone(_policy.TimeZone).Date;
        var claimants = new List<(AccountState Account, long Amount, bool Priority)>(r.Claims.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < r.Claims.Count; i++)
        {
            var claim = r.Claims[i] ?? throw new ArgumentNullException($"request.Claims[{i}]");
            var path = $"request.Claims[{i}].Account";
            CheckId(claim.Account.Value, path);
            var account = PersonAccount(claim.Account.Value, path);
            CheckPositive(claim.Amount, $"request.Claims[{i}].Amount");
            if (!seen.Add(claim.Account.Value))
            {
                throw new ArgumentException($"Each account may claim once per allocation; '{claim.Account}' claims twice.", path);
            }

            if (!CheckAge(r.Id, account, today))
            {
                return null;
            }

            claimants.Add((account, claim.Amount.Minutes, (account.Person!.Attributes & _policy.PoolPriority) != 0 && _policy.PoolPriority != PersonAttributes.None));
        }

        var left = _pool.Posted - _pool.Held;
        if (left <= 0)
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.InsufficientCredit, "the community pool is empty.");
        }

        foreach (var priority in (bool[])[true, false])
        {
            foreach (var (account, amount, isPriority) in claimants)
            {
                if (isPriority != priority || left == 0)
                {
                    continue;
                }

                var give = Math.Min(Math.Min(amount, left), Math.Max(0, _cap - account.Posted));
                if (give > 0)
                {
                    _movements.Add(new Movement(_pool, account, give, TimeBankLegKind.Posted));
                    left -= give;
                }
            }
        }

        if (_movements.Count == 0)
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.StorageCapExceeded, "every claimant is at the storage cap.");
        }

        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.PoolAllocation, r, "公益池分配");
    }

    private TimeBankTransaction? ExecuteHold(HoldRequest r)
    {
        ArgumentNullException.ThrowIfNull(r.Service, "request.Service");
        var holder = CheckCare(r.Id, r.Holder, r.Recipient, r.Service, r.ServiceDate, r.Amount);
        if (holder is null)
        {
            return null;
        }

        var now = Now();
        if (r.Expires <= now || r.Expires > now + MaxAhead)
        {
            throw new ArgumentOutOfRangeException("request.Expires", r.Expires, $"A hold must expire after the ledger's current time {now} and within {MaxAhead.Days} days of it.");
        }

        var hold = new HoldState(r.Id.Value, holder, r.Amount.Minutes, r.Expires);
        _movements.Add(new Movement(holder, _issuing, r.Amount.Minutes, TimeBankLegKind.Held, hold));
        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Hold, r, $"预约 {r.Service.Name} {r.ServiceDate:uuuu-MM-dd} → {r.Recipient}，{FormatLocal(r.Expires)} 前有效", hold: hold);
    }

    private TimeBankTransaction? ExecutePostHold(PostHoldRequest r)
    {
        CheckId(r.Hold.Value, "request.Hold");
        var hold = PendingHold(r.Id, r.Hold.Value);
        if (hold is null)
        {
            return null;
        }

        var amount = r.Amount ?? new TimeCredit(hold.Amount);
        CheckPositive(amount, "request.Amount");
        if (amount.Minutes > hold.Amount)
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.HoldNotPending,
                $"cannot post {amount} from hold '{r.Hold}', which reserves only {new TimeCredit(hold.Amount)}.");
        }

        _movements.Add(new Movement(hold.Holder, _issuing, amount.Minutes, TimeBankLegKind.Posted, hold));
        _movements.Add(new Movement(hold.Holder, _issuing, hold.Amount, TimeBankLegKind.Released, hold));
        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.HoldPosted, r, $"确认扣除 {r.Hold}", hold: hold);
    }

    private TimeBankTransaction? ExecuteVoid(VoidHoldRequest r)
    {
        CheckId(r.Hold.Value, "request.Hold");
        var hold = PendingHold(r.Id, r.Hold.Value);
        if (hold is null)
        {
            return null;
        }

        _movements.Add(new Movement(hold.Holder, _issuing, hold.Amount, TimeBankLegKind.Released, hold));
        return Commit(r.Id, TimeBankTransactionKind.HoldVoided, r, $"取消预约 {r.Hold}", hold: hold);
    }

    private TimeBankTransaction? ExecuteReversal(ReversalRequest r)
    {
        CheckId(r.Original.Value, "request.Original");
        ArgumentException.ThrowIfNullOrWhiteSpace(r.Reason, "request.Reason");
        if (_transactions.Find(r.Original.Value) is not { } original)
        {
            throw new ArgumentException($"No transaction '{r.Original}' to reverse.", "request.Original");
        }

        if (original.Kind is TimeBankTransactionKind.Hold or TimeBankTransactionKind.HoldVoided or TimeBankTransactionKind.HoldExpired or TimeBankTransactionKind.Reversal)
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotReversible,
                $"'{r.Original}' is a {original.Kind}; only posted transactions are reversed (a pending hold is voided instead).");
        }

        if (_reversed.Contains(r.Original.Value))
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotReversible, $"'{r.Original}' has already been reversed.");
        }

        for (var i = 0; i < original.LegCount; i++)
        {
            var leg = original.Leg(i);
            if (leg.Kind == TimeBankLegKind.Posted)
            {
                _movements.Add(new Movement(_accounts[leg.Credit.Value], _accounts[leg.Debit.Value], leg.Amount.Minutes, TimeBankLegKind.Posted));
            }
        }

        if (!CheckLimits(r.Id))
        {
            return null;
        }

        return Commit(r.Id, TimeBankTransactionKind.Reversal, r, $"冲正 {r.Original}：{r.Reason}");
    }
}
