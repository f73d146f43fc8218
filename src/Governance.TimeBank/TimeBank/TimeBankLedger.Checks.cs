using System.Globalization;
using Governance.People;
using Governance.Resources;

namespace Governance.TimeBank;

/// <content>The checks shared by the requests: eligibility for care, age, the storage cap, available credit, and the account and argument look-ups.</content>
public sealed partial class TimeBankLedger
{
    /// <summary>The roles that verify a volunteer's service (核实): the grid's staff, the property steward, the community and above.</summary>
    private static readonly Role[] VerifyingRoles =
        [Role.GridWorker, Role.GridLeader, Role.GridAssistant, Role.PropertySteward, Role.CooperativeCadre, Role.CommunityCommittee, Role.SubDistrictOfficer, Role.Supervisor];

    /// <summary>The earliest service a deposit records: 1900-01-01.</summary>
    private static readonly Instant EarliestService = Instant.FromUtc(1900, 1, 1, 0, 0);

    /// <summary>How far ahead a booked service or a hold's expiry may lie: 366 days.</summary>
    private static readonly Duration MaxAhead = Duration.FromDays(366);

    /// <summary>
    /// A service is verified by someone else: never the volunteer whose account is credited, and, when the ledger knows the
    /// verifier (a person account), one holding a verifying role.
    /// </summary>
    private bool CheckVerifier(Id<TimeBankTransaction> id, AccountState account, Id<Person> verifier)
    {
        if (account.Person is { } volunteer && volunteer.Id == verifier)
        {
            return Fail(id, TimeBankRejection.NotVerified, TimeBankMessages.Format("CannotVerifyTheirOwnServiceAnother", verifier));
        }

        if (_accounts.TryGetValue(verifier.Value, out var known) && known.Person is { } person && !VerifyingRoles.Any(person.HasRole))
        {
            return Fail(id, TimeBankRejection.NotVerified,
                TimeBankMessages.Format("HoldsNoneRolesVerifyService", verifier, string.Join(", ", VerifyingRoles)));
        }

        return true;
    }

    private AccountState? CheckCare(Id<TimeBankTransaction> id, Id<TimeBankAccount> holderId, Id<TimeBankAccount> recipientId, ServiceType service, LocalDate date, TimeCredit amount)
    {
        CheckPositive(amount, "request.Amount");
        var today = Now().InZone(_policy.TimeZone).Date;
        if (date.Year < 1900 || date > today.PlusDays(366))
        {
            throw new ArgumentOutOfRangeException("request.ServiceDate", date, TimeBankMessages.Format("ServicePaidBookedDateDaysAfter", today));
        }

        if (service.Kind != ServiceTypeKind.ElderlyCare)
        {
            throw new ArgumentException(TimeBankMessages.Format("CreditPaysElderlyCareServices", service.Id, service.Name, service.Kind), "request.Service");
        }

        var holder = Account(holderId.Value, "request.Holder");
        if (holder.Account.Kind != TimeBankAccountKind.Person)
        {
            return Reject<AccountState>(id, TimeBankRejection.NotAllowedForAccount,
                TimeBankMessages.Format("AccountOnlyPersonSCreditPays", holderId, holder.Account.Kind));
        }

        var recipient = PersonAccount(recipientId.Value, "request.Recipient");
        if (recipient != holder)
        {
            if (!_policy.RelativesMayUseCredit)
            {
                return Reject<AccountState>(id, TimeBankRejection.NotEligible, TimeBankMessages.Format("PolicyLetsOnlyHolderUseTheir", holderId, recipientId));
            }

            if (!_relations.ContainsKey((holderId.Value, recipientId.Value)))
            {
                return Reject<AccountState>(id, TimeBankRejection.NotEligible,
                    TimeBankMessages.Format("RegisteredSpouseDirectRelativeHolder", recipientId, holderId));
            }
        }

        if (!CheckAge(id, recipient, date))
        {
            return null;
        }

        return holder;
    }

    private bool CheckAge(Id<TimeBankTransaction> id, AccountState person, LocalDate date)
    {
        if (person.Person!.BirthDate is not { } birth)
        {
            return Fail(id, TimeBankRejection.NotEligible, TimeBankMessages.Format("NoBirthDateSoTheirAge", person.Account.Id, date));
        }

        var age = birth > date ? -1 : Period.Between(birth, date, PeriodUnits.Years).Years;
        if (age < _policy.MinimumRecipientAge)
        {
            return Fail(id, TimeBankRejection.NotEligible,
                TimeBankMessages.Format("BornPolicyServesPeopleAgedOver", person.Account.Id, birth, age, date, _policy.MinimumRecipientAge));
        }

        return true;
    }

    private bool CreditWithCap(Id<TimeBankTransaction> id, AccountState from, AccountState to, long amount)
    {
        var room = to.Kind == TimeBankAccountKind.Person ? Math.Max(0, _cap - to.Posted) : long.MaxValue;
        if (amount <= room)
        {
            _movements.Add(new Movement(from, to, amount, TimeBankLegKind.Posted));
        }
        else if (_policy.ExcessHandling == ExcessCreditHandling.Reject)
        {
            return Fail(id, TimeBankRejection.StorageCapExceeded,
                TimeBankMessages.Format("CreditingWouldTakeOverStorageCap", new TimeCredit(amount), to.Account.Id, new TimeCredit(to.Posted), new TimeCredit(_cap)));
        }
        else
        {
            if (room > 0)
            {
                _movements.Add(new Movement(from, to, room, TimeBankLegKind.Posted));
            }

            _movements.Add(new Movement(from, _pool, amount - room, TimeBankLegKind.Posted));
        }

        return CheckLimits(id);
    }

    private bool CheckLimits(Id<TimeBankTransaction> id)
    {
        Fault("limits");
        var movements = _movements;
        for (var i = 0; i < movements.Count; i++)
        {
            foreach (var account in (ReadOnlySpan<AccountState>)[movements[i].Debit, movements[i].Credit])
            {
                if (account.Kind == TimeBankAccountKind.Issuing || !FirstOccurrence(movements, i, account))
                {
                    continue;
                }

                long posted = account.Posted, held = account.Held;
                foreach (var m in movements)
                {
                    switch (m.Kind)
                    {
                        case TimeBankLegKind.Posted:
                            if (m.Debit == account)
                            {
                                posted -= m.Amount;
                            }

                            if (m.Credit == account)
                            {
                                posted += m.Amount;
                            }

                            break;
                        case TimeBankLegKind.Held when m.Debit == account:
                            held += m.Amount;
                            break;
                        case TimeBankLegKind.Released when m.Debit == account:
                            held -= m.Amount;
                            break;
                    }
                }

                if (posted - held < 0)
                {
                    return Fail(id, TimeBankRejection.InsufficientCredit,
                        TimeBankMessages.Format("AvailablePostedHeldTransactionNeeds", account.Account.Id, new TimeCredit(account.Posted - account.Held), new TimeCredit(account.Posted), new TimeCredit(account.Held), new TimeCredit(account.Posted - account.Held - (posted - held))));
                }

                if (account.Kind == TimeBankAccountKind.Person && posted > account.Posted && posted > _cap)
                {
                    return Fail(id, TimeBankRejection.StorageCapExceeded,
                        TimeBankMessages.Format("WouldHoldOverStorageCap", account.Account.Id, new TimeCredit(posted), new TimeCredit(_cap)));
                }
            }
        }

        return true;
    }

    private static bool FirstOccurrence(List<Movement> movements, int index, AccountState account)
    {
        for (var j = 0; j < index; j++)
        {
            if (movements[j].Debit == account || movements[j].Credit == account)
            {
                return false;
            }
        }

        return true;
    }

    private AccountState AddAccount(TimeBankAccount account, Person? person)
    {
        var lots = account.Kind == TimeBankAccountKind.Person && _policy.CreditLifetime is not null ? new LotQueue() : null;
        var state = new AccountState(account, person, lots, _accountOrder.Count);
        _accounts.Add(account.Id.Value, state);
        _accountOrder.Add(state);
        return state;
    }

    private AccountState Account(string id, string parameter)
    {
        CheckId(id, parameter);
        return _accounts.TryGetValue(id, out var state)
            ? state
            : throw new ArgumentException(TimeBankMessages.Format("NoTimeBankAccountOpenFirst", id), parameter);
    }

    private AccountState PersonAccount(string id, string parameter)
    {
        var state = Account(id, parameter);
        return state.Account.Kind == TimeBankAccountKind.Person
            ? state
            : throw new ArgumentException(TimeBankMessages.Format("AccountExpectedPersonSAccount", id, state.Account.Kind), parameter);
    }

    private HoldState Hold(string id, string parameter) =>
        _holds.TryGetValue(id, out var hold) ? hold : throw new ArgumentException(TimeBankMessages.Format("NoHoldLedger", id), parameter);

    private HoldState? PendingHold(Id<TimeBankTransaction> request, string id)
    {
        var hold = Hold(id, "request.Hold");
        return hold.Status == TimeBankHoldStatus.Pending
            ? hold
            : Reject<HoldState>(request, TimeBankRejection.HoldNotPending, TimeBankMessages.Format("HoldNotPending", id, hold.Status));
    }

    private bool Fail(Id<TimeBankTransaction> id, TimeBankRejection reason, string message)
    {
        _rejection = new TimeBankRejectedException(id, reason, message);
        _movements.Clear();
        return false;
    }

    private T? Reject<T>(Id<TimeBankTransaction> id, TimeBankRejection reason, string message)
        where T : class
    {
        Fail(id, reason, message);
        return null;
    }

    private static void CheckPositive(TimeCredit amount, string parameter)
    {
        if (amount.Minutes <= 0)
        {
            throw new ArgumentOutOfRangeException(parameter, amount, TimeBankMessages.Text("ExpectedPositiveAmountCredit"));
        }
    }

    private static void CheckId(string? value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentException(TimeBankMessages.Text("ExpectedIdWasDefaultEmptyId"), parameter);
        }
    }

    private static void CheckClientId(string value, string parameter)
    {
        if (value.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException(TimeBankMessages.Format("IdsBeginningReservedLedgerWas", SystemPrefix, value), parameter);
        }
    }
}
