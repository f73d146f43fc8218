using System.Globalization;
using Governance.People;
using Governance.Resources;

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
            throw new ArgumentException(TimeBankMessages.Format("DepositsGoPersonSTeamS", r.Account, account.Account.Kind), "request.Account");
        }

        if (r.Service.Type.Kind != ServiceTypeKind.Volunteer)
        {
            throw new ArgumentException(TimeBankMessages.Format("DepositNeedsVolunteerService", r.Service.Type.Id, r.Service.Type.Name, r.Service.Type.Kind), "request.Service");
        }

        if (!r.Service.Period.HasStart || !r.Service.Period.HasEnd)
        {
            throw new ArgumentException(TimeBankMessages.Text("DepositedServiceNeedsStartEnd"), "request.Service");
        }

        var now = Now();
        if (r.Service.Period.Start < EarliestService || r.Service.Period.End > now + Duration.FromDays(1))
        {
            throw new ArgumentOutOfRangeException("request.Service", r.Service.Period,
                TimeBankMessages.Format("DepositRecordsServiceHappenedUntilLedger", now));
        }

        if (!CheckVerifier(r.Id, account, r.VerifiedBy))
        {
            return null;
        }

        var length = r.Service.Period.Duration;
        if (length > Duration.FromHours(24))
        {
            throw new ArgumentOutOfRangeException("request.Service", length, TimeBankMessages.Text("DepositedStretchServiceMustMostHours"));
        }

        var credit = r.Service.Type.CreditFor(length).Minutes;
        if (credit <= 0)
        {
            throw new ArgumentOutOfRangeException("request.Service", length, TimeBankMessages.Format("ServiceEarnsNoCreditMinutesPer", r.Service.Type.CreditMinutesPerHour));
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
                TimeBankMessages.Format("AccountGiftsGoOnePersonS", other.Account.Id, other.Account.Kind));
        }

        if (from == to)
        {
            throw new ArgumentException(TimeBankMessages.Format("GiftNeedsTwoDifferentAccountsWas", r.From), "request.To");
        }

        if (_policy.GiftRecipients == GiftRecipients.RelativesOnly && !_relations.ContainsKey((from.Account.Id.Value, to.Account.Id.Value)))
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotEligible,
                TimeBankMessages.Format("RegisteredSpouseDirectRelativePolicyAllows", r.To, r.From));
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
            throw new ArgumentException(TimeBankMessages.Format("DonationsComePersonSTeamS", r.From, from.Account.Kind), "request.From");
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
            throw new ArgumentException(TimeBankMessages.Text("PoolAllocationNeedsLeastOneClaim"), "request.Claims");
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
                throw new ArgumentException(TimeBankMessages.Format("EachAccountMayClaimOncePer", claim.Account), path);
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
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.InsufficientCredit, TimeBankMessages.Text("CommunityPoolEmpty"));
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
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.StorageCapExceeded, TimeBankMessages.Text("EveryClaimantStorageCap"));
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
            throw new ArgumentOutOfRangeException("request.Expires", r.Expires, TimeBankMessages.Format("HoldMustExpireAfterLedgerS", now, MaxAhead.Days));
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
                TimeBankMessages.Format("CannotPostHoldReservesOnly", amount, r.Hold, new TimeCredit(hold.Amount)));
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
            throw new ArgumentException(TimeBankMessages.Format("NoTransactionReverse", r.Original), "request.Original");
        }

        if (original.Kind is TimeBankTransactionKind.Hold or TimeBankTransactionKind.HoldVoided or TimeBankTransactionKind.HoldExpired or TimeBankTransactionKind.Reversal)
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotReversible,
                TimeBankMessages.Format("OnlyPostedTransactionsReversedPendingHold", r.Original, original.Kind));
        }

        if (_reversed.Contains(r.Original.Value))
        {
            return Reject<TimeBankTransaction>(r.Id, TimeBankRejection.NotReversible, TimeBankMessages.Format("AlreadyBeenReversed", r.Original));
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
