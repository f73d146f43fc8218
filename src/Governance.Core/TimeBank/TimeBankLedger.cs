using System.Runtime.InteropServices;
using System.Globalization;
using Governance.People;

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
public sealed class TimeBankLedger
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
    private readonly TransactionIndex _transactions = new();
    private readonly ChunkedList<TimeBankTransaction> _journal = new();
    private readonly Dictionary<string, HoldState> _holds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reversed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), RelationKind> _relations = [];
    private readonly PriorityQueue<HoldState, Instant> _holdExpiries = new();
    private readonly PriorityQueue<AccountState, Instant> _lotExpiries = new();
    private readonly List<Movement> _movements = [];
    private readonly AccountState _issuing;
    private readonly AccountState _pool;
    private Instant _last = Instant.MinValue;
    private long _expirySequence;
    private TimeBankRejectedException? _rejection;
    private Instant _clockNow;

    /// <summary>Creates an empty ledger with its issuing account and community pool.</summary>
    /// <param name="clock">The clock that stamps transactions and decides expirations.</param>
    /// <param name="policy">The scheme's rules; <see cref="TimeBankPolicy.Default"/> if <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A policy value is out of range.</exception>
    public TimeBankLedger(IClock clock, TimeBankPolicy? policy = null)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
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
                    : throw new ArgumentException($"Account '{person.Id}' already exists for {existing.Account.Kind} '{existing.Account.Name}'; expected a new id or the same person.", nameof(person));
            }

            CheckClientId(person.Id.Value, nameof(person));
            return AddAccount(new TimeBankAccount(person.Id.Value, TimeBankAccountKind.Person, person.Name, person.Id), person).Account;
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
                    : throw new ArgumentException($"Account '{id}' already exists as {existing.Account.Kind} '{existing.Account.Name}'.", nameof(id));
            }

            CheckClientId(id.Value, nameof(id));
            return AddAccount(new TimeBankAccount(id, TimeBankAccountKind.Group, name, null), null).Account;
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
            throw new ArgumentException($"A person cannot be their own relative; was '{person}' twice.", nameof(relative));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Spouse or DirectRelative.");
        }

        lock (_lock)
        {
            PersonAccount(person.Value, nameof(person));
            PersonAccount(relative.Value, nameof(relative));
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
                    $"the id was used at {transaction.Timestamp} by a {transaction.Kind} with different content; a retry must send the same request.");
                transaction = null;
                return false;
            }

            _movements.Clear();
            try
            {
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
                    _ => throw new ArgumentException($"Unknown request type {request.GetType().Name}; expected one of the time bank's request records.", nameof(request)),
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
                return true;
            }

            rejection = _rejection!;
            _rejection = null;
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
    /// <exception cref="ArgumentException">No such account.</exception>
    public TimeBankStatement Statement(Id<TimeBankAccount> account, DateInterval dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
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
        var from = PersonAccount(r.From.Value, "request.From");
        var to = PersonAccount(r.To.Value, "request.To");
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
        if (r.Expires <= now)
        {
            throw new ArgumentOutOfRangeException("request.Expires", r.Expires, $"A hold must expire after the ledger's current time {now}.");
        }

        var hold = new HoldState(r.Id.Value, holder, r.Amount.Minutes, r.Expires);
        _movements.Add(new Movement(holder, _issuing, r.Amount.Minutes, TimeBankLegKind.Held, hold));
        if (!CheckLimits(r.Id))
        {
            return null;
        }

        var transaction = Commit(r.Id, TimeBankTransactionKind.Hold, r, $"预约 {r.Service.Name} {r.ServiceDate:uuuu-MM-dd} → {r.Recipient}，{FormatLocal(r.Expires)} 前有效");
        _holds.Add(hold.Id, hold);
        _holdExpiries.Enqueue(hold, hold.Expires);
        return transaction;
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

        hold.Status = TimeBankHoldStatus.Posted;
        return Commit(r.Id, TimeBankTransactionKind.HoldPosted, r, $"确认扣除 {r.Hold}");
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
        hold.Status = TimeBankHoldStatus.Voided;
        return Commit(r.Id, TimeBankTransactionKind.HoldVoided, r, $"取消预约 {r.Hold}");
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

        var transaction = Commit(r.Id, TimeBankTransactionKind.Reversal, r, $"冲正 {r.Original}：{r.Reason}");
        _reversed.Add(r.Original.Value);
        return transaction;
    }

    private AccountState? CheckCare(Id<TimeBankTransaction> id, Id<TimeBankAccount> holderId, Id<TimeBankAccount> recipientId, ServiceType service, LocalDate date, TimeCredit amount)
    {
        CheckPositive(amount, "request.Amount");
        if (service.Kind != ServiceTypeKind.ElderlyCare)
        {
            throw new ArgumentException($"Credit pays for elderly-care services; '{service.Id}' ({service.Name}) is {service.Kind}.", "request.Service");
        }

        var holder = Account(holderId.Value, "request.Holder");
        if (holder.Account.Kind != TimeBankAccountKind.Person)
        {
            return Reject<AccountState>(id, TimeBankRejection.NotAllowedForAccount,
                $"'{holderId}' is the {holder.Account.Kind} account; only a person's credit pays for care (a team's hours can only be donated).");
        }

        var recipient = PersonAccount(recipientId.Value, "request.Recipient");
        if (recipient != holder)
        {
            if (!_policy.RelativesMayUseCredit)
            {
                return Reject<AccountState>(id, TimeBankRejection.NotEligible, $"the policy lets only the holder '{holderId}' use their credit; the recipient was '{recipientId}'.");
            }

            if (!_relations.ContainsKey((holderId.Value, recipientId.Value)))
            {
                return Reject<AccountState>(id, TimeBankRejection.NotEligible,
                    $"'{recipientId}' is not a registered spouse or direct relative of the holder '{holderId}'.");
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
            return Fail(id, TimeBankRejection.NotEligible, $"'{person.Account.Id}' has no birth date, so their age on {date:uuuu-MM-dd} is unknown.");
        }

        var age = birth > date ? -1 : Period.Between(birth, date, PeriodUnits.Years).Years;
        if (age < _policy.MinimumRecipientAge)
        {
            return Fail(id, TimeBankRejection.NotEligible,
                $"'{person.Account.Id}' (born {birth:uuuu-MM-dd}) is {age} on {date:uuuu-MM-dd}; the policy serves people aged {_policy.MinimumRecipientAge} or over.");
        }

        return true;
    }

    private bool CreditWithCap(Id<TimeBankTransaction> id, AccountState from, AccountState to, long amount)
    {
        var room = to.Account.Kind == TimeBankAccountKind.Person ? Math.Max(0, _cap - to.Posted) : long.MaxValue;
        if (amount <= room)
        {
            _movements.Add(new Movement(from, to, amount, TimeBankLegKind.Posted));
        }
        else if (_policy.ExcessHandling == ExcessCreditHandling.Reject)
        {
            return Fail(id, TimeBankRejection.StorageCapExceeded,
                $"crediting {new TimeCredit(amount)} would take '{to.Account.Id}' from {new TimeCredit(to.Posted)} over the storage cap of {new TimeCredit(_cap)}.");
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
        var movements = _movements;
        for (var i = 0; i < movements.Count; i++)
        {
            foreach (var account in (ReadOnlySpan<AccountState>)[movements[i].Debit, movements[i].Credit])
            {
                if (account.Account.Kind == TimeBankAccountKind.Issuing || !FirstOccurrence(movements, i, account))
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
                        $"'{account.Account.Id}' has {new TimeCredit(account.Posted - account.Held)} available ({new TimeCredit(account.Posted)} posted, {new TimeCredit(account.Held)} held); the transaction needs {new TimeCredit(account.Posted - account.Held - (posted - held))}.");
                }

                if (account.Account.Kind == TimeBankAccountKind.Person && posted > account.Posted && posted > _cap)
                {
                    return Fail(id, TimeBankRejection.StorageCapExceeded,
                        $"'{account.Account.Id}' would hold {new TimeCredit(posted)}, over the storage cap of {new TimeCredit(_cap)}.");
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

    private TimeBankTransaction Commit(Id<TimeBankTransaction> id, TimeBankTransactionKind kind, TimeBankRequest? request, string? note, Instant? at = null)
    {
        var timestamp = Now();
        if (at is { } due && due > _last)
        {
            timestamp = due;
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

        foreach (var m in _movements)
        {
            Apply(transaction, m);
        }

        _movements.Clear();
        _last = timestamp;
        if (request is null)
        {
            // The ledger's own transactions; a client's is filed by TryExecute, which has its id's hash.
            _transactions.Add(transaction, TransactionIndex.Hash(id.Value));
        }

        _journal.Add(transaction);
        return transaction;
    }

    private void Apply(TimeBankTransaction transaction, Movement m)
    {
        switch (m.Kind)
        {
            case TimeBankLegKind.Posted:
                m.Debit.Posted -= m.Amount;
                m.Credit.Posted += m.Amount;
                Record(m.Debit);
                Record(m.Credit);
                if (m.Debit.Lots is { } debitLots && !m.LotsHandled)
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
                    var expires = ExpiryOf(transaction.Timestamp);
                    creditLots.Add(expires, m.Amount);
                    _lotExpiries.Enqueue(m.Credit, expires);
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
                        _lotExpiries.Enqueue(m.Debit, lot.Expires);
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

    private AccountState AddAccount(TimeBankAccount account, Person? person)
    {
        var lots = account.Kind == TimeBankAccountKind.Person && _policy.CreditLifetime is not null ? new LotQueue() : null;
        var state = new AccountState(account, person, lots);
        _accounts.Add(account.Id.Value, state);
        _accountOrder.Add(state);
        return state;
    }

    private AccountState Account(string id, string parameter)
    {
        CheckId(id, parameter);
        return _accounts.TryGetValue(id, out var state)
            ? state
            : throw new ArgumentException($"No time-bank account '{id}'; open it first with OpenPersonAccount or OpenGroupAccount.", parameter);
    }

    private AccountState PersonAccount(string id, string parameter)
    {
        var state = Account(id, parameter);
        return state.Account.Kind == TimeBankAccountKind.Person
            ? state
            : throw new ArgumentException($"'{id}' is the {state.Account.Kind} account; expected a person's account.", parameter);
    }

    private HoldState Hold(string id, string parameter) =>
        _holds.TryGetValue(id, out var hold) ? hold : throw new ArgumentException($"No hold '{id}' in the ledger.", parameter);

    private HoldState? PendingHold(Id<TimeBankTransaction> request, string id)
    {
        var hold = Hold(id, "request.Hold");
        return hold.Status == TimeBankHoldStatus.Pending
            ? hold
            : Reject<HoldState>(request, TimeBankRejection.HoldNotPending, $"hold '{id}' is {hold.Status}, not Pending.");
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
            throw new ArgumentOutOfRangeException(parameter, amount, "Expected a positive amount of credit.");
        }
    }

    private static void CheckId(string? value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentException("Expected an id; was the default (empty) id.", parameter);
        }
    }

    private static void CheckClientId(string value, string parameter)
    {
        if (value.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Ids beginning with '{SystemPrefix}' are reserved for the ledger; was '{value}'.", parameter);
        }
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

    private readonly record struct Movement(AccountState Debit, AccountState Credit, long Amount, TimeBankLegKind Kind, HoldState? Hold = null, bool LotsHandled = false);

    private sealed class AccountState(TimeBankAccount account, Person? person, LotQueue? lots)
    {
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

    /// <summary>
    /// One passbook entry as stored: the transaction's place in the journal and the posted balance after it (the held
    /// balance, rarely non-zero, is kept apart). It holds no references, so the garbage collector never scans the
    /// (large) arrays of entries.
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private readonly record struct Posting(int Journal, long Balance);

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
