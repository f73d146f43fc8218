using System.Text.Json;
using FsCheck.Xunit;
using Governance.Json;
using Governance.TimeBank;
using Governance.Validation;
using NodaTime.Testing;
using static Governance.Tests.TimeBank.TimeBankFixture;
using Interval = NodaTime.Interval;

namespace Governance.Tests.TimeBank;

/// <summary>
/// Faithful history for the ledger: export → restore → export is byte-identical and every balance, statement and
/// <c>BalanceAsOf</c> agrees; a fault at any step of any request, or a throwing write-ahead hook, changes nothing.
/// </summary>
public class TimeBankHistoryTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;

    /// <summary>A script of generated requests, with or without a credit lifetime, run on a fresh ledger.</summary>
    private static readonly Gen<(TimeBankModelTests.Op[] Ops, bool Reject, bool Lifetime)> Scripts =
        from script in TimeBankModelTests.Scripts
        from lifetime in Gen.Elements(true, false)
        select (script.Ops, script.Reject, lifetime);

    private static TimeBankPolicy PolicyFor(bool reject, bool lifetime) => new()
    {
        StorageCap = TimeCredit.FromHours(20),
        ExcessHandling = reject ? ExcessCreditHandling.Reject : ExcessCreditHandling.DonateToPool,
        CreditLifetime = lifetime ? Period.FromDays(2) : null,
    };

    /// <summary>Runs a script; <paramref name="before"/> is called before each request (after expirations are written).</summary>
    private static void Run(TimeBankLedger ledger, FakeClock clock, TimeBankModelTests.Op[] ops, Action<TimeBankRequest>? before = null, Action<TimeBankRequest>? execute = null)
    {
        var history = new List<TimeBankRequest>();
        for (var step = 0; step < ops.Length; step++)
        {
            var op = ops[step];
            if (op.Kind == 10 && op.Extra % 3 == 0)
            {
                clock.Advance(Duration.FromMinutes(op.Amount * 7));
                continue;
            }

            var request = TimeBankModelTests.Build(op, step, history, clock.GetCurrentInstant());
            ledger.ProcessExpirations();
            before?.Invoke(request);
            try
            {
                (execute ?? (r => ledger.Execute(r)))(request);
                if (!history.Any(h => h.Id == request.Id))
                {
                    history.Add(request);
                }
            }
            catch (Exception e) when (e is TimeBankRejectedException or ArgumentException)
            {
            }
        }
    }

    private static string ExportJson(TimeBankLedger ledger) => ledger.Export().ToJson();

    /// <summary>Everything a reader can see of an account: balance, the whole passbook, and the balance as of each entry's instant.</summary>
    private static string Readings(TimeBankLedger ledger)
    {
        var lines = new List<string>();
        foreach (var account in ledger.Accounts)
        {
            var statement = ledger.Statement(account.Id, new Interval(null, null));
            lines.Add($"{account.Id} {ledger.BalanceOf(account.Id)} {statement.Opening} {statement.Closing}");
            foreach (var entry in statement.Entries)
            {
                lines.Add($"  {entry.Transaction.Id} {entry.Amount} {entry.HeldChange} {entry.Balance} {entry.Held} {entry.Counterparty} {ledger.BalanceAsOf(account.Id, entry.Transaction.Timestamp)}");
            }
        }

        return string.Join("\n", lines);
    }

    [Property(MaxTest = 150)]
    public Property Export_restore_export_is_byte_identical_and_every_reading_agrees() =>
        Prop.ForAll(Scripts.ToArbitrary(), script =>
        {
            var (ledger, clock) = Create(PolicyFor(script.Reject, script.Lifetime));
            Run(ledger, clock, script.Ops);
            var json = ExportJson(ledger);
            var restored = TimeBankLedger.Restore(TimeBankLedgerExport.FromJson(json), new FakeClock(clock.GetCurrentInstant()));
            Assert.Equal(json, ExportJson(restored));
            Assert.Equal(Readings(ledger), Readings(restored));

            // And they go on alike: the same requests, the same time, the same ledgers.
            var restoredClock = new FakeClock(clock.GetCurrentInstant());
            var twin = TimeBankLedger.Restore(TimeBankLedgerExport.FromJson(json), restoredClock);
            Run(ledger, clock, script.Ops.Reverse().ToArray());
            Run(twin, restoredClock, script.Ops.Reverse().ToArray());
            Assert.Equal(ExportJson(ledger), ExportJson(twin));
        });

    [Property(MaxTest = 150)]
    public Property A_fault_at_any_step_of_any_request_changes_nothing() =>
        Prop.ForAll(Scripts.ToArbitrary(), Gen.Choose(1, 6).ToArbitrary(), (script, faultAt) =>
        {
            var policy = PolicyFor(script.Reject, script.Lifetime);
            var (ledger, clock) = Create(policy);
            var (twin, twinClock) = Create(policy);
            var faults = 0;
            Run(ledger, clock, script.Ops, execute: request =>
            {
                var snapshot = ExportJson(ledger);
                var steps = 0;
                ledger.Faults = step =>
                {
                    if (++steps == faultAt)
                    {
                        throw new InjectedFault(step);
                    }
                };
                try
                {
                    ledger.Execute(request);
                }
                catch (InjectedFault)
                {
                    faults++;
                    Assert.Equal(snapshot, ExportJson(ledger));
                }
                catch (Exception e) when (e is TimeBankRejectedException or ArgumentException)
                {
                }
                finally
                {
                    ledger.Faults = null;
                }

                ledger.Execute(request); // now without the fault, as the twin does
            });
            Run(twin, twinClock, script.Ops);
            Assert.Equal(ExportJson(twin), ExportJson(ledger));
            return true.Collect(faults > 0 ? "faults injected" : "no step reached");
        });

    [Fact]
    public void A_throwing_write_ahead_hook_leaves_the_ledger_unchanged_and_a_recording_one_restores_it()
    {
        var journal = new RecordingJournal();
        var clock = new FakeClock(Start);
        var ledger = new TimeBankLedger(clock, new TimeBankPolicy { CreditLifetime = Period.FromDays(1) }, journal);
        foreach (var p in TimeBankFixture.People)
        {
            ledger.OpenPersonAccount(p);
        }

        ledger.RegisterRelation(Wang.Id, Li.Id, RelationKind.Spouse);
        ledger.Deposit(new DepositRequest("d1", Acc(Wang), Service(120), "GW1"));
        ledger.Hold(new HoldRequest("h1", Acc(Wang), Acc(Li), ServiceType.HomeCare, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(30), Start + Duration.FromHours(1)));

        journal.Fail = true;
        var before = ExportJson(ledger);
        Assert.Throws<IOException>(() => ledger.Gift(new GiftRequest("g1", Acc(Wang), Acc(Li), TimeCredit.FromMinutes(10))));
        Assert.Throws<IOException>(() => ledger.OpenPersonAccount(new("P-NEW", "新人", [Governance.People.Role.Resident])));
        clock.Advance(Duration.FromHours(2)); // the hold's expiry is due, but cannot be written
        Assert.Throws<IOException>(() => ledger.BalanceOf(Acc(Wang)));
        journal.Fail = false;
        clock.Advance(-Duration.FromHours(2));
        Assert.Equal(before, ExportJson(ledger));
        Assert.False(ledger.TryGetTransaction("g1", out _));

        clock.Advance(Duration.FromDays(2)); // hold and credit both expire now
        ledger.ProcessExpirations();
        ledger.Deposit(new DepositRequest("d2", Acc(Wang), Service(60), "GW1"));
        ledger.Gift(new GiftRequest("g2", Acc(Wang), Acc(Li), TimeCredit.FromMinutes(15)));
        Assert.Contains(journal.Transactions, t => t.Kind == TimeBankTransactionKind.HoldExpired);
        Assert.Contains(journal.Transactions, t => t.Kind == TimeBankTransactionKind.CreditExpired);
        var fromJournal = TimeBankLedger.Restore(new TimeBankLedgerExport(ledger.Policy, journal.Accounts, journal.Relations, journal.Transactions), new FakeClock(clock.GetCurrentInstant()));
        Assert.Equal(ExportJson(ledger), ExportJson(fromJournal));
    }

    [Fact]
    public void Credit_that_would_expire_beyond_the_last_date_is_rejected_before_anything_changes()
    {
        var clock = new FakeClock(Instant.FromUtc(9999, 6, 1, 0, 0));
        var ledger = new TimeBankLedger(clock, new TimeBankPolicy { CreditLifetime = Period.FromYears(2) });
        ledger.OpenPersonAccount(Wang);
        var before = ExportJson(ledger);
        var service = new ServiceRecord(ServiceType.HomeVisit, new Interval(clock.GetCurrentInstant() - Duration.FromHours(2), clock.GetCurrentInstant()));
        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Deposit(new DepositRequest("d1", Acc(Wang), service, "GW1")));
        Assert.Equal(TimeBankRejection.TimeOutOfRange, e.Reason);
        Assert.Equal(before, ExportJson(ledger));
        Assert.Equal(0, Sum(ledger));
    }

    [Fact]
    public void A_corrupt_export_is_refused_naming_the_transaction()
    {
        var (ledger, clock) = Create();
        ledger.Deposit(new DepositRequest("d1", Acc(Wang), Service(120), "GW1"));
        ledger.Donate(new DonationRequest("n1", Acc(Wang), TimeCredit.FromMinutes(60)));
        var json = ExportJson(ledger);

        // The donation without the deposit before it: Wang would go below zero.
        var export = TimeBankLedgerExport.FromJson(json);
        var gap = export with { Transactions = export.Transactions.Skip(1).ToArray() };
        var e = Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(gap, clock));
        Assert.Equal("$.transactions[0]", e.Errors.Single().Path);
        Assert.Contains("n1", e.Message);

        var twice = export with { Transactions = [.. export.Transactions, export.Transactions[0]] };
        Assert.Equal("$.transactions[2]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(twice, clock)).Errors.Single().Path);

        var unknown = json.Replace("\"debit\":\"P-WANG\"", "\"debit\":\"P-NOBODY\"", StringComparison.Ordinal);
        Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(TimeBankLedgerExport.FromJson(unknown), clock));
    }

    [Fact]
    public void On_two_threads_a_restore_is_the_same_and_still_reports_the_first_inconsistency_in_journal_order()
    {
        var (ledger, clock) = Create(new TimeBankPolicy { GiftRecipients = GiftRecipients.Anyone, CreditLifetime = Period.FromDays(3) });
        for (var i = 0; i < 300; i++)
        {
            clock.Advance(Duration.FromHours(7));
            ledger.Deposit(new DepositRequest($"d{i}", Acc(TimeBankFixture.People[i % 4]), Service(30 + i), "GW1"));
            ledger.TryExecute(new GiftRequest($"g{i}", Acc(TimeBankFixture.People[i % 4]), Acc(TimeBankFixture.People[(i + 1) % 4]), TimeCredit.FromMinutes(20)), out _, out _);
        }

        var export = ledger.Export();
        var sequential = ExportJson(TimeBankLedger.Restore(export, clock));
        var threshold = TimeBankLedger.ParallelRestoreThreshold;
        TimeBankLedger.ParallelRestoreThreshold = 0;
        try
        {
            Assert.Equal(sequential, ExportJson(TimeBankLedger.Restore(export, clock)));
            Assert.Equal(ExportJson(ledger), sequential);

            // A repeated id late (found by the id pass) and an unknown account early (found by the postings pass): the early one is reported.
            var list = export.Transactions.ToList();
            list[400] = list[10];
            var t = list[5];
            list[5] = new TimeBankTransaction(t.Id, t.Kind, t.Timestamp, t.Request, new TimeBankLeg("P-NOBODY", "sys:issuing", TimeCredit.FromMinutes(1), TimeBankLegKind.Posted), null);
            var e = Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = list }, clock));
            Assert.Equal("$.transactions[5]", e.Errors.Single().Path);
            var late = export.Transactions.ToList();
            late[400] = late[10];
            Assert.Equal("$.transactions[400]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = late }, clock)).Errors.Single().Path);
        }
        finally
        {
            TimeBankLedger.ParallelRestoreThreshold = threshold;
        }

        // The postings pass looks the accounts up a batch ahead, and on two threads the other thread looks up the last
        // batches' once the ids are done: a bad transaction at either edge of a batch, or a missing one, is still the one
        // reported, on one thread, on two, and on two with every batch after the second looked up by the other thread.
        foreach (var (parallel, lookUpsFirst) in new[] { (false, false), (true, false), (true, true) })
        {
            TimeBankLedger.ParallelRestoreThreshold = parallel ? 0 : threshold;
            TimeBankLedger.LookUpsFirst = lookUpsFirst;
            try
            {
                Assert.Equal(sequential, ExportJson(TimeBankLedger.Restore(export, clock)));
                foreach (var at in new[] { 0, 63, 64, 65, 127, 128, 191, 192, export.Transactions.Count - 65, export.Transactions.Count - 1 })
                {
                    var list = export.Transactions.ToList();
                    var t = list[at];
                    list[at] = new TimeBankTransaction(t.Id, t.Kind, t.Timestamp, t.Request, new TimeBankLeg("P-NOBODY", "sys:issuing", TimeCredit.FromMinutes(1), TimeBankLegKind.Posted), null);
                    Assert.Equal($"$.transactions[{at}]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = list }, clock)).Errors.Single().Path);
                    list[at] = null!;
                    Assert.Equal($"$.transactions[{at}]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = list }, clock)).Errors.Single().Path);
                }
            }
            finally
            {
                TimeBankLedger.ParallelRestoreThreshold = threshold;
                TimeBankLedger.LookUpsFirst = false;
            }
        }
    }

    [Fact]
    public void Reversals_restore_among_transactions_of_one_instant_and_one_before_its_original_or_repeated_is_refused()
    {
        // Three deposits and a reversal at one instant: the original is found among the transactions of its timestamp.
        var (ledger, clock) = Create();
        ledger.Deposit(new DepositRequest("d1", Acc(Wang), Service(120), "GW1"));
        ledger.Deposit(new DepositRequest("d2", Acc(Wang), Service(60), "GW1"));
        ledger.Deposit(new DepositRequest("d3", Acc(Li), Service(60), "GW1"));
        ledger.Reverse(new ReversalRequest("x2", "d2", "登记错误"));
        clock.Advance(Duration.FromMinutes(1));
        ledger.Reverse(new ReversalRequest("x3", "d3", "登记错误"));
        var export = ledger.Export();
        Assert.Equal(ExportJson(ledger), ExportJson(TimeBankLedger.Restore(export, clock)));

        // The reversal moved before its original (still in time order): refused at the reversal.
        var early = export.Transactions.ToList();
        var x2 = early[3];
        early.RemoveAt(3);
        early.Insert(1, x2);
        Assert.Equal("$.transactions[1]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = early }, clock)).Errors.Single().Path);

        // A second reversal of the same deposit: refused at the second.
        var again = new TimeBankTransaction("x2b", TimeBankTransactionKind.Reversal, export.Transactions[^1].Timestamp, new ReversalRequest("x2b", "d2", "再次"), export.Transactions[3].Legs[0], null);
        Assert.Equal("$.transactions[5]", Assert.Throws<ValidationFailedException>(() => TimeBankLedger.Restore(export with { Transactions = [.. export.Transactions, again] }, clock)).Errors.Single().Path);
    }

    [Fact]
    public void Missing_and_malformed_members_are_errors_with_their_path_never_defaults()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("d1", Acc(Wang), Service(120), "GW1"));
        var json = ExportJson(ledger);

        var noAmount = json.Replace("\"amount\":\"2h00m\",", "", StringComparison.Ordinal);
        Assert.NotEqual(json, noAmount);
        var e = Assert.Throws<JsonException>(() => TimeBankLedgerExport.FromJson(noAmount));
        // The path names the transaction; the message names the place inside it.
        Assert.Contains("(legs[0]) needs 'amount'", e.Message, StringComparison.Ordinal);
        Assert.Equal("$.transactions[0]", e.Path);

        var zeroAmount = json.Replace("\"amount\":\"2h00m\"", "\"amount\":120", StringComparison.Ordinal);
        var malformed = Assert.Throws<JsonException>(() => TimeBankLedgerExport.FromJson(zeroAmount));
        Assert.Equal("$.transactions[0]", malformed.Path);
        Assert.Contains("'legs[0].amount' is malformed", malformed.Message, StringComparison.Ordinal);

        var nullId = json.Replace("\"id\":\"d1\"", "\"id\":null", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => TimeBankLedgerExport.FromJson(nullId));

        var typo = json.Replace("\"verifiedBy\"", "\"verifiedby_\"", StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => TimeBankLedgerExport.FromJson(typo));

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeBankLedgerExport>("{}", Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeBankRequest>("""{"type":"Governance.TimeBank.DepositRequest","id":"x"}""", Json));
    }

    [Theory]
    [InlineData("""{"id":"t1","id":"t2","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":[{"debit":"sys:issuing","credit":"P0","amount":"1h00m","kind":"Posted"}]}""", "'id' twice")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":[{"debit":"sys:issuing","credit":"P0","amount":"1h00m","kind":"Posted","extra":1}]}""", "no member 'extra'")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":[]}""", "at least one leg")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":null}""", "array")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z"}""", "needs 'legs'")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":null,"legs":[{"debit":"sys:issuing","credit":"P0","amount":"1h00m","kind":"Posted"}]}""", "'timestamp' cannot be null")]
    [InlineData("""{"id":"t1","kind":"Deposited","timestamp":"2026-03-02T01:00:00Z","legs":[{"debit":"sys:issuing","credit":"P0","amount":"1h00m","kind":"Posted"}]}""", "'kind' is malformed")]
    [InlineData("""{"id":"t1","kind":"Deposit","timestamp":"2026-03-02T01:00:00Z","legs":[{"debit":"sys:issuing","credit":"P0","amount":"1h00m","kind":"Posted"}],"note":5}""", "note is text")]
    [InlineData("""["t1"]""", "as an object")]
    public void A_transaction_with_a_missing_repeated_unknown_or_malformed_member_is_refused(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TimeBankTransaction>(json, Json)).Message, StringComparison.Ordinal);

    public static TheoryData<TimeBankRequest> Requests => new()
    {
        new DepositRequest("d1", Acc(Wang), Service(90, ServiceType.CommunityService) with { Note = "扫雪" }, "GW1"),
        new RedemptionRequest("r1", Acc(Wang), Acc(Li), ServiceType.CanteenMeal, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(30)),
        new GiftRequest("g1", Acc(Wang), Acc(Li), TimeCredit.FromHours(2)),
        new DonationRequest("n1", Team, TimeCredit.FromMinutes(1)),
        new PoolAllocationRequest("p1", [new PoolClaim(Acc(Zhao), TimeCredit.FromMinutes(90)), new PoolClaim(Acc(Li), TimeCredit.FromMinutes(5))]),
        new HoldRequest("h1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, new LocalDate(2026, 3, 3), TimeCredit.FromMinutes(60), Start + Duration.FromDays(1)),
        new PostHoldRequest("ph1", "h1", TimeCredit.FromMinutes(45)),
        new PostHoldRequest("ph2", "h1", null),
        new VoidHoldRequest("v1", "h1"),
        new ReversalRequest("x1", "d1", "登记错误"),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_request_round_trips_through_JSON_with_a_stable_discriminator(TimeBankRequest request)
    {
        var json = JsonSerializer.Serialize(request, Json);
        Assert.StartsWith("{\"type\":\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Governance.", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<TimeBankRequest>(json, Json);
        Assert.Equal(request, back);
        Assert.Equal(json, JsonSerializer.Serialize(back, Json));
    }

    [Property]
    public Property TimeCredit_parses_what_it_prints_and_round_trips_through_JSON(long minutes)
    {
        var credit = TimeCredit.FromMinutes(minutes);
        var json = JsonSerializer.Serialize(credit, Json);
        return (TimeCredit.Parse(credit.ToString()) == credit && JsonSerializer.Deserialize<TimeCredit>(json, Json) == credit).ToProperty();
    }

    [Theory]
    [InlineData("1h30m", 90)]
    [InlineData("2h", 120)]
    [InlineData("45m", 45)]
    [InlineData("-1h05m", -65)]
    [InlineData("0m", 0)]
    [InlineData("90m", 90)]
    public void TimeCredit_parses_hours_and_minutes(string text, long minutes) => Assert.Equal(minutes, TimeCredit.Parse(text).Minutes);

    [Theory]
    [InlineData("")]
    [InlineData("1h90m")]
    [InlineData("1.5h")]
    [InlineData("h")]
    [InlineData("1 h")]
    [InlineData("--1m")]
    [InlineData("999999999999999999h")]
    [InlineData("9999999999999999999m")]
    public void TimeCredit_refuses_what_is_not_an_amount(string text)
    {
        Assert.False(TimeCredit.TryParse(text, null, out _));
        Assert.Throws<FormatException>(() => TimeCredit.Parse(text));
    }

    private sealed class InjectedFault(string step) : Exception($"fault injected at {step}");

    private sealed class RecordingJournal : ITimeBankWriteAhead
    {
        public bool Fail { get; set; }

        public List<TimeBankExportedAccount> Accounts { get; } = [];

        public List<TimeBankRelation> Relations { get; } = [];

        public List<TimeBankTransaction> Transactions { get; } = [];

        public void WriteAccount(TimeBankAccount account, Governance.People.Person? person) => Write(() => Accounts.Add(new(account, person)));

        public void WriteRelation(TimeBankRelation relation) => Write(() => Relations.Add(relation));

        public void WriteTransaction(TimeBankTransaction transaction) => Write(() => Transactions.Add(transaction));

        private void Write(Action write)
        {
            if (Fail)
            {
                throw new IOException("disk full");
            }

            write();
        }
    }
}
