using System.Globalization;
using Governance.Diagnostics;
using Governance.People;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// 时间银行账本 — a double-entry ledger of service credit. Every transaction is a set of legs between accounts that
/// take effect together or not at all; the issuing account is debited for earned credit and credited for spent credit,
/// so the posted balances of all accounts always sum to zero. Entries are never edited or deleted: a correction is a
/// <see cref="ReversalRequest"/>.
/// </summary>
/// <remarks>
/// <para><b>Limits at write.</b> A person's, team's or the pool's available credit (posted − held) never goes below
/// zero; a person's posted balance never exceeds <see cref="TimeBankPolicy.StorageCap"/> (the excess is rejected or
/// donated, as the policy says). A rejected request throws <see cref="TimeBankRejectedException"/> (a broken rule) or an
/// <see cref="ArgumentException"/> (a malformed request, an unknown account) and changes nothing, not even the id table.</para>
/// <para><b>Idempotency.</b> Each request carries the client's id. The same id with an equal request returns the first
/// transaction; with a different request it is rejected with <see cref="TimeBankRejection.IdConflict"/>.</para>
/// <para><b>Time.</b> The ledger stamps transactions with the injected <see cref="IClock"/>, never earlier than the previous
/// transaction (a clock that steps back is read as standing still). Holds and, if the policy sets a lifetime, credit expire
/// at their deadlines: before every read or write the ledger writes the expirations that are due by the clock, each
/// stamped with its own deadline, in deadline order. No timer is involved, so the same clock readings give the same ledger.</para>
/// <para><b>Credit lifetime.</b> With <see cref="TimeBankPolicy.CreditLifetime"/> set, every credit to a person's account
/// is a lot that expires that long after it was credited (on the local calendar); debits and holds use the oldest lots
/// first; credit released from a hold keeps its lot's date; credit returned by a reversal is a new lot.</para>
/// </remarks>
/// <threadsafety>
/// Safe to use from many threads at once: every public member takes one lock for its whole duration, so transactions
/// are applied one at a time in a single order (the order of <see cref="Transactions"/>). A posting takes well under a
/// microsecond, so the lock is held briefly.
/// </threadsafety>
public sealed partial class TimeBankLedger
{
    /// <summary>The issuing account's id.</summary>
    public static readonly Id<TimeBankAccount> IssuingAccountId = "sys:issuing";

    /// <summary>The community pool's id.</summary>
    public static readonly Id<TimeBankAccount> PoolAccountId = "sys:pool";

    private const string SystemPrefix = "sys:";

    private readonly Lock _lock = new();
    private readonly IClock _clock;
    private readonly TimeBankPolicy _policy;
    private readonly long _cap;
    private readonly Dictionary<string, AccountState> _accounts = new(StringComparer.Ordinal);
    private readonly List<AccountState> _accountOrder = [];
    private TransactionIndex _transactions = new();
    private readonly ChunkedList<TimeBankTransaction> _journal = new();
    private readonly Dictionary<string, HoldState> _holds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reversed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RelationKind> _relations = [];
    // Due instants tie-broken by the journal place of the hold and the opening order of the account, so that expirations
    // due at one instant are written in the same order whatever the queue's history (a restored ledger's included).
    private readonly PriorityQueue<HoldState, (Instant Due, int Order)> _holdExpiries = new();
    private readonly PriorityQueue<AccountState, (Instant Due, int Order)> _lotExpiries = new();
    private readonly List<Movement> _movements = [];
    private readonly AccountState _issuing;
    private readonly AccountState _pool;
    private Instant _last = Instant.MinValue;
    private long _expirySequence;
    private TimeBankRejectedException? _rejection;
    private Instant _clockNow;
    private readonly ITimeBankWriteAhead? _writeAhead;
    private Action<string>? _faults;

    /// <summary>Creates an empty ledger with its issuing account and community pool.</summary>
    /// <param name="clock">The clock that stamps transactions and decides expirations.</param>
    /// <param name="policy">The scheme's rules; <see cref="TimeBankPolicy.Default"/> if <see langword="null"/>.</param>
    /// <param name="writeAhead">
    /// Called with every account, relation and transaction before it takes effect, under the ledger's lock, so a host can
    /// make it durable first (预写日志); if it throws, the ledger is unchanged and the exception reaches the caller.
    /// <see langword="null"/> for none.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A policy value is out of range.</exception>
    public TimeBankLedger(IClock clock, TimeBankPolicy? policy = null, ITimeBankWriteAhead? writeAhead = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _writeAhead = writeAhead;
        _policy = policy ?? TimeBankPolicy.Default;
        _policy.Validate();
        _cap = _policy.StorageCap?.Minutes ?? long.MaxValue;
        _issuing = AddAccount(new TimeBankAccount(IssuingAccountId, TimeBankAccountKind.Issuing, "发行账户", null), null);
        _pool = AddAccount(new TimeBankAccount(PoolAccountId, TimeBankAccountKind.CommunityPool, "社区公益池", null), null);
    }

    /// <summary>The scheme's rules.</summary>
    public TimeBankPolicy Policy => _policy;

    /// <summary>The issuing account.</summary>
    public TimeBankAccount Issuing => _issuing.Account;

    /// <summary>The community pool.</summary>
    public TimeBankAccount Pool => _pool.Account;

    /// <summary>Every account, in the order opened (issuing and pool first).</summary>
    public IReadOnlyList<TimeBankAccount> Accounts
    {
        get
        {
            lock (_lock)
            {
                return _accountOrder.Select(a => a.Account).ToArray();
            }
        }
    }

    /// <summary>Every committed transaction, in commit order (after writing the expirations due now).</summary>
    public IReadOnlyList<TimeBankTransaction> Transactions
    {
        get
        {
            lock (_lock)
            {
                Sweep();
                return _journal.ToArray(0, _journal.Count);
            }
        }
    }

    /// <summary>Opens a person's account, with the person's id as the account id. Opening it again for the same person returns the account.</summary>
    /// <param name="person">The person; their birth date is needed to receive care and pool allocations.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">An account with that id exists for something else.</exception>
    public TimeBankAccount OpenPersonAccount(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        lock (_lock)
        {
            if (_accounts.TryGetValue(person.Id.Value, out var existing))
            {
                return existing.Person == person
                    ? existing.Account
                    : throw new ArgumentException(TimeBankMessages.Format("AccountAlreadyExistsExpectedNewId", person.Id, existing.Account.Kind, existing.Account.Name), nameof(person));
            }

            CheckClientId(person.Id.Value, nameof(person));
            var account = new TimeBankAccount(person.Id.Value, TimeBankAccountKind.Person, person.Name, person.Id);
            _writeAhead?.WriteAccount(account, person);
            return AddAccount(account, person).Account;
        }
    }

    /// <summary>Opens a volunteer team's account. Its credit can only be donated to the pool. Opening it again with the same name returns the account.</summary>
    /// <param name="id">The account id; not beginning with <c>sys:</c>.</param>
    /// <param name="name">The team's name.</param>
    /// <returns>The account.</returns>
    /// <exception cref="ArgumentException">The id is taken by another account, or reserved.</exception>
    public TimeBankAccount OpenGroupAccount(Id<TimeBankAccount> id, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CheckId(id.Value, nameof(id));
        lock (_lock)
        {
            if (_accounts.TryGetValue(id.Value, out var existing))
            {
                return existing.Account.Kind == TimeBankAccountKind.Group && existing.Account.Name == name
                    ? existing.Account
                    : throw new ArgumentException(TimeBankMessages.Format("AccountAlreadyExists", id, existing.Account.Kind, existing.Account.Name), nameof(id));
            }

            CheckClientId(id.Value, nameof(id));
            var account = new TimeBankAccount(id, TimeBankAccountKind.Group, name, null);
            _writeAhead?.WriteAccount(account, null);
            return AddAccount(account, null).Account;
        }
    }

    /// <summary>Records that two people with accounts are related (both ways), for gifts and for using a relative's credit.</summary>
    /// <param name="person">One person.</param>
    /// <param name="relative">The other person.</param>
    /// <param name="kind">How they are related.</param>
    /// <exception cref="ArgumentException">Either has no account, or they are the same person.</exception>
    public void RegisterRelation(Id<Person> person, Id<Person> relative, RelationKind kind)
    {
        CheckId(person.Value, nameof(person));
        CheckId(relative.Value, nameof(relative));
        if (person == relative)
        {
            throw new ArgumentException(TimeBankMessages.Format("PersonCannotTheirOwnRelativeWas", person), nameof(relative));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, TimeBankMessages.Text("ExpectedSpouseDirectRelative"));
        }

        lock (_lock)
        {
            PersonAccount(person.Value, nameof(person));
            PersonAccount(relative.Value, nameof(relative));
            _writeAhead?.WriteRelation(new TimeBankRelation(person, relative, kind));
            _relations[(person.Value, relative.Value)] = kind;
            _relations[(relative.Value, person.Value)] = kind;
        }
    }

    /// <summary>Deposits verified volunteer service. See <see cref="DepositRequest"/>.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The committed transaction (the first one, for a replayed id).</returns>
    /// <exception cref="TimeBankRejectedException">A rule would be broken; nothing changed.</exception>
    /// <exception cref="ArgumentException">The request is malformed or names an unknown account.</exception>
    public TimeBankTransaction Deposit(DepositRequest request) => Execute(request);

    /// <summary>Pays for elderly care. See <see cref="RedemptionRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Redeem(RedemptionRequest request) => Execute(request);

    /// <summary>Gives credit to another person. See <see cref="GiftRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Gift(GiftRequest request) => Execute(request);

    /// <summary>Donates credit to the pool. See <see cref="DonationRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Donate(DonationRequest request) => Execute(request);

    /// <summary>Allocates credit from the pool. See <see cref="PoolAllocationRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction AllocateFromPool(PoolAllocationRequest request) => Execute(request);

    /// <summary>Reserves credit for a booked service. See <see cref="HoldRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Hold(HoldRequest request) => Execute(request);

    /// <summary>Posts a pending hold. See <see cref="PostHoldRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction PostHold(PostHoldRequest request) => Execute(request);

    /// <summary>Voids a pending hold. See <see cref="VoidHoldRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction VoidHold(VoidHoldRequest request) => Execute(request);

    /// <summary>Reverses a posted transaction. See <see cref="ReversalRequest"/>.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Reverse(ReversalRequest request) => Execute(request);

    /// <summary>Executes any request: the single entry point the typed methods share.</summary>
    /// <inheritdoc cref="Deposit" path="/param|/returns|/exception"/>
    public TimeBankTransaction Execute(TimeBankRequest request) =>
        TryExecute(request, out var transaction, out var rejection) ? transaction : throw rejection;

    /// <summary>
    /// Executes any request and reports a broken rule as a result instead of throwing it: the form for hot paths and
    /// batch imports, where rejections are expected (TigerBeetle returns result codes the same way).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="transaction">The committed transaction (the first one, for a replayed id), if accepted.</param>
    /// <param name="rejection">Why it was rejected, if it was: the exception <see cref="Execute"/> would throw, not thrown.</param>
    /// <returns>Whether the request was accepted. A rejected request changed nothing.</returns>
    /// <exception cref="ArgumentException">The request is malformed or names an unknown account (a caller's mistake, always thrown).</exception>
    public bool TryExecute(
        TimeBankRequest request,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimeBankTransaction? transaction,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out TimeBankRejectedException? rejection)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckId(request.Id.Value, "request.Id");
        CheckClientId(request.Id.Value, "request.Id");
        using var activity = TimeBankTelemetry.Source.StartActivity("timebank.request");
        activity?.SetTag("transaction.id", request.Id.Value);
        activity?.SetTag("request", request.GetType().Name);
        lock (_lock)
        {
            Sweep();
            rejection = null;

            // One hash for the id: to look it up, and to file the transaction under it if it is accepted.
            var hash = TransactionIndex.Hash(request.Id.Value);
            if (_transactions.Find(request.Id.Value, hash) is { } first)
            {
                transaction = first;
                if (Equals(transaction.Request, request))
                {
                    return true;
                }

                rejection = new TimeBankRejectedException(request.Id, TimeBankRejection.IdConflict,
                    TimeBankMessages.Format("IdWasUsedDifferentContentRetry", transaction.Timestamp, transaction.Kind));
                transaction = null;
                TimeBankTelemetry.Rejected(TimeBankRejection.IdConflict);
                return false;
            }

            _movements.Clear();
            try
            {
                Fault("rules");
                transaction = request switch
                {
                    DepositRequest r => ExecuteDeposit(r),
                    RedemptionRequest r => ExecuteRedemption(r),
                    GiftRequest r => ExecuteGift(r),
                    DonationRequest r => ExecuteDonation(r),
                    PoolAllocationRequest r => ExecuteAllocation(r),
                    HoldRequest r => ExecuteHold(r),
                    PostHoldRequest r => ExecutePostHold(r),
                    VoidHoldRequest r => ExecuteVoid(r),
                    ReversalRequest r => ExecuteReversal(r),
                    _ => throw new ArgumentException(TimeBankMessages.Format("UnknownRequestTypeExpectedOneTime", request.GetType().Name), nameof(request)),
                };
            }
            catch
            {
                _movements.Clear();
                throw;
            }

            if (transaction is not null)
            {
                _transactions.Add(transaction, hash);
                TimeBankTelemetry.Posted(transaction.Kind);
                return true;
            }

            rejection = _rejection!;
            _rejection = null;
            TimeBankTelemetry.Rejected(rejection.Reason);
            return false;
        }
    }

    /// <summary>The account's balances now (after writing the expirations due now).</summary>
    /// <param name="account">The account.</param>
    /// <returns>Posted, held and available credit.</returns>
    /// <exception cref="ArgumentException">No such account.</exception>
    public TimeBankBalance BalanceOf(Id<TimeBankAccount> account)
    {
        CheckId(account.Value, nameof(account));
        lock (_lock)
        {
            Sweep();
            var state = Account(account.Value, nameof(account));
            return new TimeBankBalance(new TimeCredit(state.Posted), new TimeCredit(state.Held));
        }
    }

    /// <summary>The account's posted balance as of <paramref name="instant"/>: the sum of its entries stamped at or before it.</summary>
    /// <param name="account">The account.</param>
    /// <param name="instant">The instant.</param>
    /// <returns>The posted balance then.</returns>
    /// <exception cref="ArgumentException">No such account.</exception>
    public TimeCredit BalanceAsOf(Id<TimeBankAccount> account, Instant instant)
    {
        CheckId(account.Value, nameof(account));
        lock (_lock)
        {
            Sweep();
            var entries = Account(account.Value, nameof(account)).Entries;
            var count = CountUpTo(entries, instant, inclusive: true);
            return count == 0 ? TimeCredit.Zero : new TimeCredit(entries[count - 1].Balance);
        }
    }

    /// <summary>The passbook statement for <paramref name="period"/> (start inclusive, end exclusive; an open end is unbounded).</summary>
    /// <param name="account">The account.</param>
    /// <param name="period">The period as instants.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">No such account.</exception>
    public TimeBankStatement Statement(Id<TimeBankAccount> account, Interval period)
    {
        CheckId(account.Value, nameof(account));
        lock (_lock)
        {
            Sweep();
            var state = Account(account.Value, nameof(account));
            var entries = state.Entries;
            var from = period.HasStart ? CountUpTo(entries, period.Start, inclusive: false) : 0;
            var to = period.HasEnd ? CountUpTo(entries, period.End, inclusive: false) : entries.Count;
            var opening = from == 0 ? TimeCredit.Zero : new TimeCredit(entries[from - 1].Balance);
            var closing = to == 0 ? TimeCredit.Zero : new TimeCredit(entries[to - 1].Balance);
            var lines = new TimeBankEntry[to - from];
            var previous = from == 0 ? default : entries[from - 1];
            for (var i = 0; i < lines.Length; i++)
            {
                var entry = entries[from + i];
                lines[i] = EntryOf(state, from + i, entry, previous);
                previous = entry;
            }

            return new TimeBankStatement(state.Account, period, opening, lines, closing);
        }
    }

    /// <summary>The passbook statement for the local dates of <paramref name="dates"/> in the policy's time zone.</summary>
    /// <param name="account">The account.</param>
    /// <param name="dates">The dates, inclusive.</param>
    /// <returns>The statement, from the start of the first day to the start of the day after the last.</returns>
    /// <exception cref="ArgumentException">No such account, or a date outside the years 1900–2999.</exception>
    public TimeBankStatement Statement(Id<TimeBankAccount> account, DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Start.Year < 1900 || dates.End.Year > 2999)
        {
            throw new ArgumentOutOfRangeException(nameof(dates), dates, TimeBankMessages.Text("StatementCoversDatesYears"));
        }

        var zone = _policy.TimeZone;
        return Statement(account, new Interval(zone.AtStartOfDay(dates.Start).ToInstant(), zone.AtStartOfDay(dates.End.PlusDays(1)).ToInstant()));
    }

    /// <summary>The state of a hold (after writing the expirations due now).</summary>
    /// <param name="hold">The hold's transaction id.</param>
    /// <returns>Its state.</returns>
    /// <exception cref="ArgumentException">No hold has that id.</exception>
    public TimeBankHoldStatus HoldStatusOf(Id<TimeBankTransaction> hold)
    {
        CheckId(hold.Value, nameof(hold));
        lock (_lock)
        {
            Sweep();
            return Hold(hold.Value, nameof(hold)).Status;
        }
    }

    /// <summary>Finds a committed transaction by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="transaction">The transaction, if found.</param>
    /// <returns>Whether it was found.</returns>
    public bool TryGetTransaction(Id<TimeBankTransaction> id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimeBankTransaction? transaction)
    {
        transaction = null;
        if (id.Value is null)
        {
            return false;
        }

        lock (_lock)
        {
            Sweep();
            transaction = _transactions.Find(id.Value);
            return transaction is not null;
        }
    }

    /// <summary>Writes the expirations due by the clock now and returns them; reads and writes do this themselves, so a host calls it only to see them happen.</summary>
    /// <returns>The expirations written, in order.</returns>
    public IReadOnlyList<TimeBankTransaction> ProcessExpirations()
    {
        lock (_lock)
        {
            var before = _journal.Count;
            Sweep();
            return _journal.ToArray(before, _journal.Count - before);
        }
    }

    internal long LotTotal(Id<TimeBankAccount> account)
    {
        lock (_lock)
        {
            return _accounts[account.Value].Lots?.Total ?? 0;
        }
    }

    /// <summary>For fault-injection tests: called at each step of a request before its commit point; whatever it throws reaches the caller.</summary>
    internal Action<string>? Faults
    {
        get => _faults;
        set => _faults = value;
    }

    private void Fault(string step) => _faults?.Invoke(step);
}
