using Governance.TimeBank;
using Interval = NodaTime.Interval;
using static Governance.Tests.TimeBank.TimeBankFixture;

namespace Governance.Tests.TimeBank;

public class TimeBankLedgerTests
{
    private static readonly LocalDate Today = new(2026, 3, 2);

    [Fact]
    public void Deposit_of_two_hours_of_visits_earns_two_time_coins_from_the_issuing_account()
    {
        var (ledger, _) = Create();
        var t = ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(125), "JL-GW1"));

        Assert.Equal(TimeBankTransactionKind.Deposit, t.Kind);
        Assert.Equal(TimeCredit.FromMinutes(125), ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Equal(TimeCredit.FromMinutes(-125), ledger.BalanceOf(TimeBankLedger.IssuingAccountId).Posted);
        Assert.Equal(0, Sum(ledger));
    }

    [Fact]
    public void A_service_type_with_a_higher_rate_earns_more_and_partial_minutes_round_down()
    {
        var (ledger, _) = Create();
        var skilled = new ServiceType("skilled", "专业护理志愿", ServiceTypeKind.Volunteer, creditMinutesPerHour: 90);
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(61, skilled), "JL-GW1"));
        Assert.Equal(TimeCredit.FromMinutes(91), ledger.BalanceOf(Acc(Wang)).Posted); // 61 × 90 / 60 = 91.5 → 91
    }

    [Fact]
    public void The_holder_aged_sixty_plus_redeems_a_canteen_meal()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(120), "JL-GW1"));
        ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.CanteenMeal, Today, TimeCredit.FromMinutes(30)));
        Assert.Equal(TimeCredit.FromMinutes(90), ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Equal(0, Sum(ledger));
    }

    [Fact]
    public void A_spouse_aged_sixty_plus_may_use_the_holders_credit_but_a_young_son_may_not()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Son), Service(240), "JL-GW1"));
        ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(240), "JL-GW1"));
        ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Li), ServiceType.HomeCare, Today, TimeCredit.FromHours(1)));
        Assert.Equal(TimeCredit.FromHours(3), ledger.BalanceOf(Acc(Wang)).Posted);

        // The son's credit may pay for his father's care (the recipient is 76) …
        ledger.Redeem(new RedemptionRequest("R2", Acc(Son), Acc(Wang), ServiceType.HomeCare, Today, TimeCredit.FromHours(1)));

        // … but no one's credit pays for the son's own care at 35.
        var e = Assert.Throws<TimeBankRejectedException>(() =>
            ledger.Redeem(new RedemptionRequest("R3", Acc(Son), Acc(Son), ServiceType.HomeCare, Today, TimeCredit.FromHours(1))));
        Assert.Equal(TimeBankRejection.NotEligible, e.Reason);
        Assert.Contains("35", e.Message, StringComparison.Ordinal);
        Assert.False(ledger.TryGetTransaction("R3", out _));
    }

    [Fact]
    public void Age_is_taken_on_the_service_date_so_a_sixtieth_birthday_makes_the_difference()
    {
        var born = new LocalDate(1966, 3, 3);
        var (ledger, _) = Create();
        var p = new People.Person("P-NEW", "新退休", [People.Role.Resident], birthDate: born);
        ledger.OpenPersonAccount(p);
        ledger.Deposit(new DepositRequest("D1", p.Id.Value, Service(120), "JL-GW1"));

        Assert.Throws<TimeBankRejectedException>(() =>
            ledger.Redeem(new RedemptionRequest("R1", p.Id.Value, p.Id.Value, ServiceType.CanteenMeal, new LocalDate(2026, 3, 2), TimeCredit.FromMinutes(10))));
        ledger.Redeem(new RedemptionRequest("R1", p.Id.Value, p.Id.Value, ServiceType.CanteenMeal, new LocalDate(2026, 3, 3), TimeCredit.FromMinutes(10)));
    }

    [Fact]
    public void A_policy_of_sixty_five_rejects_a_sixty_one_year_old()
    {
        var (ledger, _) = Create(new TimeBankPolicy { MinimumRecipientAge = 65 });
        ledger.Deposit(new DepositRequest("D1", Acc(Li), Service(120), "JL-GW1"));
        var e = Assert.Throws<TimeBankRejectedException>(() =>
            ledger.Redeem(new RedemptionRequest("R1", Acc(Li), Acc(Li), ServiceType.CanteenMeal, new LocalDate(2023, 6, 1), TimeCredit.FromMinutes(10))));
        Assert.Equal(TimeBankRejection.NotEligible, e.Reason);
    }

    [Fact]
    public void Overdrawing_is_rejected_with_the_available_amount_and_changes_nothing()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1"));
        var e = Assert.Throws<TimeBankRejectedException>(() =>
            ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, Today, TimeCredit.FromMinutes(61))));
        Assert.Equal(TimeBankRejection.InsufficientCredit, e.Reason);
        Assert.Contains("1h00m available", e.Message, StringComparison.Ordinal);
        Assert.Equal(TimeCredit.FromHours(1), ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Single(ledger.Transactions);
    }

    [Fact]
    public void Gifts_go_to_relatives_only_unless_the_policy_allows_anyone()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Son), Service(180), "JL-GW1"));
        ledger.Gift(new GiftRequest("G1", Acc(Son), Acc(Wang), TimeCredit.FromHours(1)));
        Assert.Equal(TimeCredit.FromHours(1), ledger.BalanceOf(Acc(Wang)).Posted);
        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Gift(new GiftRequest("G2", Acc(Son), Acc(Zhao), TimeCredit.FromHours(1))));
        Assert.Equal(TimeBankRejection.NotEligible, e.Reason);

        var (open, _) = Create(new TimeBankPolicy { GiftRecipients = GiftRecipients.Anyone });
        open.Deposit(new DepositRequest("D1", Acc(Son), Service(180), "JL-GW1"));
        open.Gift(new GiftRequest("G2", Acc(Son), Acc(Zhao), TimeCredit.FromHours(1)));
        Assert.Equal(TimeCredit.FromHours(1), open.BalanceOf(Acc(Zhao)).Posted);
    }

    [Fact]
    public void A_teams_hours_can_only_be_donated()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Team, Service(600), "JL-CC1"));
        var e = Assert.Throws<TimeBankRejectedException>(() =>
            ledger.Redeem(new RedemptionRequest("R1", Team, Acc(Wang), ServiceType.HomeCare, Today, TimeCredit.FromHours(1))));
        Assert.Equal(TimeBankRejection.NotAllowedForAccount, e.Reason);
        var gift = Assert.Throws<TimeBankRejectedException>(() => ledger.Gift(new GiftRequest("G1", Team, Acc(Wang), TimeCredit.FromHours(1))));
        Assert.Equal((TimeBankRejection.NotAllowedForAccount, RefusalReason.NotPermitted), (gift.Reason, gift.Refusal));   // the same rule, the same refusal

        ledger.Donate(new DonationRequest("N1", Team, TimeCredit.FromHours(10)));
        Assert.Equal(TimeCredit.FromHours(10), ledger.BalanceOf(TimeBankLedger.PoolAccountId).Posted);
        Assert.Equal(TimeCredit.Zero, ledger.BalanceOf(Team).Posted);
    }

    [Fact]
    public void The_pool_serves_elderly_people_living_alone_first()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Team, Service(180), "JL-CC1"));
        ledger.Donate(new DonationRequest("N1", Team, TimeCredit.FromHours(3)));

        // Wang asks first, but 赵奶奶 lives alone and is served first; Wang gets what is left.
        var t = ledger.AllocateFromPool(new PoolAllocationRequest("A1",
            [new PoolClaim(Acc(Wang), TimeCredit.FromHours(2)), new PoolClaim(Acc(Zhao), TimeCredit.FromHours(2))]));

        Assert.Equal(TimeCredit.FromHours(2), ledger.BalanceOf(Acc(Zhao)).Posted);
        Assert.Equal(TimeCredit.FromHours(1), ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Equal(TimeCredit.Zero, ledger.BalanceOf(TimeBankLedger.PoolAccountId).Posted);
        Assert.Equal(Acc(Zhao), t.Legs[0].Credit);
    }

    [Fact]
    public void The_pool_does_not_allocate_to_someone_too_young()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Team, Service(180), "JL-CC1"));
        ledger.Donate(new DonationRequest("N1", Team, TimeCredit.FromHours(3)));
        Assert.Throws<TimeBankRejectedException>(() => ledger.AllocateFromPool(new PoolAllocationRequest("A1", [new PoolClaim(Acc(Son), TimeCredit.FromHours(1))])));
        Assert.Equal(TimeCredit.FromHours(3), ledger.BalanceOf(TimeBankLedger.PoolAccountId).Posted);
    }

    [Fact]
    public void Credit_over_the_1500_hour_cap_is_donated_to_the_pool_by_default()
    {
        var (ledger, clock) = Create();
        for (var day = 0; day < 63; day++)
        {
            clock.Reset(Start + Duration.FromDays(day + 1));   // a deposit records service that has happened
            ledger.Deposit(new DepositRequest($"D{day}", Acc(Wang), new ServiceRecord(ServiceType.CommunityService,
                new Interval(Start + Duration.FromDays(day), Start + Duration.FromDays(day) + Duration.FromHours(24))), "JL-GW1"));
        }

        // 63 × 24 h = 1,512 h: 1,500 h kept, 12 h to the pool.
        Assert.Equal(TimeCredit.FromHours(1500), ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Equal(TimeCredit.FromHours(12), ledger.BalanceOf(TimeBankLedger.PoolAccountId).Posted);
        Assert.Equal(0, Sum(ledger));
    }

    [Fact]
    public void Credit_over_the_cap_is_rejected_when_the_policy_says_so()
    {
        var (ledger, _) = Create(new TimeBankPolicy { StorageCap = TimeCredit.FromHours(2), ExcessHandling = ExcessCreditHandling.Reject });
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(100), "JL-GW1"));
        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(30), "JL-GW1")));
        Assert.Equal(TimeBankRejection.StorageCapExceeded, e.Reason);
        Assert.Equal(TimeCredit.FromMinutes(100), ledger.BalanceOf(Acc(Wang)).Posted);
    }

    [Fact]
    public void A_hold_reserves_credit_and_posting_part_of_it_releases_the_rest()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(120), "JL-GW1"));
        ledger.Hold(new HoldRequest("H1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, Today, TimeCredit.FromMinutes(90), Start + Duration.FromDays(2)));
        Assert.Equal(new TimeBankBalance(TimeCredit.FromMinutes(120), TimeCredit.FromMinutes(90)), ledger.BalanceOf(Acc(Wang)));
        Assert.Throws<TimeBankRejectedException>(() => ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.CanteenMeal, Today, TimeCredit.FromMinutes(31))));

        ledger.PostHold(new PostHoldRequest("P1", "H1", TimeCredit.FromMinutes(60)));
        Assert.Equal(new TimeBankBalance(TimeCredit.FromMinutes(60), TimeCredit.Zero), ledger.BalanceOf(Acc(Wang)));
        Assert.Equal(TimeBankHoldStatus.Posted, ledger.HoldStatusOf("H1"));
        var again = Assert.Throws<TimeBankRejectedException>(() => ledger.VoidHold(new VoidHoldRequest("V1", "H1")));
        Assert.Equal(TimeBankRejection.HoldNotPending, again.Reason);
    }

    [Fact]
    public void A_hold_expires_at_its_deadline_by_the_clock_and_then_cannot_be_posted()
    {
        var (ledger, clock) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(120), "JL-GW1"));
        var expires = Start + Duration.FromHours(2);
        ledger.Hold(new HoldRequest("H1", Acc(Wang), Acc(Wang), ServiceType.HomeCare, Today, TimeCredit.FromMinutes(90), expires));

        clock.AdvanceMinutes(119);
        Assert.Equal(TimeBankHoldStatus.Pending, ledger.HoldStatusOf("H1"));
        clock.AdvanceMinutes(5);
        Assert.Equal(TimeBankHoldStatus.Expired, ledger.HoldStatusOf("H1"));
        Assert.Equal(TimeCredit.Zero, ledger.BalanceOf(Acc(Wang)).Held);
        var expiry = ledger.Transactions.Single(t => t.Kind == TimeBankTransactionKind.HoldExpired);
        Assert.Equal(expires, expiry.Timestamp); // stamped with its deadline, not with when someone looked
        Assert.Throws<TimeBankRejectedException>(() => ledger.PostHold(new PostHoldRequest("P1", "H1")));
    }

    [Fact]
    public void Credit_expires_oldest_first_after_its_lifetime()
    {
        var (ledger, clock) = Create(new TimeBankPolicy { CreditLifetime = Period.FromYears(2) });
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1"));
        clock.Advance(Duration.FromDays(200));
        ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(60), "JL-GW1"));
        clock.Advance(Duration.FromDays(100));
        ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.CanteenMeal, Today.PlusDays(300), TimeCredit.FromMinutes(40)));

        // Two years after D1 the 20 minutes left of it expire; D2's hour is untouched.
        clock.Reset(Start.InZone(ChinaCalendar()).LocalDateTime.PlusYears(2).InZoneStrictly(ChinaCalendar()).ToInstant() + Duration.FromMinutes(1));
        Assert.Equal(TimeCredit.FromMinutes(60), ledger.BalanceOf(Acc(Wang)).Posted);
        var expiry = ledger.Transactions.Single(t => t.Kind == TimeBankTransactionKind.CreditExpired);
        Assert.Equal(TimeCredit.FromMinutes(20), expiry.Legs.Single().Amount);
        Assert.Equal(0, Sum(ledger));

        static DateTimeZone ChinaCalendar() => Governance.Calendars.ChinaCalendar.TimeZone;
    }

    [Fact]
    public void A_reversal_corrects_a_deposit_by_a_new_transaction_and_only_once()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1"));
        ledger.Reverse(new ReversalRequest("X1", "D1", "重复登记"));
        Assert.Equal(TimeCredit.Zero, ledger.BalanceOf(Acc(Wang)).Posted);
        Assert.Equal(2, ledger.Transactions.Count);
        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Reverse(new ReversalRequest("X2", "D1", "again")));
        Assert.Equal(TimeBankRejection.NotReversible, e.Reason);
    }

    [Fact]
    public void A_reversal_that_would_overdraw_is_rejected()
    {
        var (ledger, _) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1"));
        ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Wang), ServiceType.CanteenMeal, Today, TimeCredit.FromMinutes(30)));
        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Reverse(new ReversalRequest("X1", "D1", "登记错误")));
        Assert.Equal(TimeBankRejection.InsufficientCredit, e.Reason);
    }

    [Fact]
    public void The_same_id_with_the_same_request_returns_the_first_result_and_with_another_is_rejected()
    {
        var (ledger, clock) = Create();
        var request = new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1");
        var first = ledger.Deposit(request);
        clock.AdvanceMinutes(5);
        Assert.Same(first, ledger.Deposit(request with { }));
        Assert.Equal(TimeCredit.FromHours(1), ledger.BalanceOf(Acc(Wang)).Posted);

        var e = Assert.Throws<TimeBankRejectedException>(() => ledger.Deposit(request with { Service = Service(90) }));
        Assert.Equal(TimeBankRejection.IdConflict, e.Reason);
        var gift = Assert.Throws<TimeBankRejectedException>(() => ledger.Gift(new GiftRequest("D1", Acc(Wang), Acc(Li), TimeCredit.FromMinutes(1))));
        Assert.Equal(TimeBankRejection.IdConflict, gift.Reason);
    }

    [Fact]
    public void A_passbook_statement_shows_opening_entries_with_service_details_and_closing()
    {
        var (ledger, clock) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(120), "JL-GW1"));
        clock.Advance(Duration.FromDays(3));
        ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(60), "JL-GW1"));
        clock.Advance(Duration.FromDays(1));
        ledger.Redeem(new RedemptionRequest("R1", Acc(Wang), Acc(Li), ServiceType.CanteenMeal, new LocalDate(2026, 3, 6), TimeCredit.FromMinutes(30)));

        var march3to6 = ledger.Statement(Acc(Wang), new DateInterval(new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 6)));
        Assert.Equal(TimeCredit.FromMinutes(120), march3to6.Opening);
        Assert.Equal(["D2", "R1"], march3to6.Entries.Select(e => e.Transaction.Id.Value));
        Assert.Equal(TimeCredit.FromMinutes(150), march3to6.Closing);
        Assert.Contains("助老大食堂", march3to6.Entries[1].Transaction.Note, StringComparison.Ordinal);
        Assert.Equal(TimeCredit.FromMinutes(120), ledger.BalanceAsOf(Acc(Wang), Start + Duration.FromDays(1)));
    }

    [Fact]
    public void Bad_requests_name_the_argument_and_change_nothing()
    {
        var (ledger, _) = Create();
        var unknown = Assert.Throws<ArgumentException>(() => ledger.Deposit(new DepositRequest("D1", "NOBODY", Service(60), "JL-GW1")));
        Assert.Equal("request.Account", unknown.ParamName);
        Assert.Contains("NOBODY", unknown.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => ledger.Gift(new GiftRequest("G1", Acc(Wang), Acc(Li), TimeCredit.FromMinutes(-5))));
        Assert.Equal("request.Amount", negative.ParamName);
        Assert.Throws<ArgumentException>(() => ledger.Deposit(new DepositRequest("sys:mine", Acc(Wang), Service(60), "JL-GW1")));
        Assert.Throws<ArgumentException>(() => ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60, ServiceType.CanteenMeal), "JL-GW1")));
        Assert.Empty(ledger.Transactions);
    }

    [Fact]
    public void Ledger_time_never_runs_backwards_even_if_the_clock_does()
    {
        var (ledger, clock) = Create();
        ledger.Deposit(new DepositRequest("D1", Acc(Wang), Service(60), "JL-GW1"));
        clock.Reset(Start - Duration.FromHours(1));
        var t = ledger.Deposit(new DepositRequest("D2", Acc(Wang), Service(60), "JL-GW1"));
        Assert.Equal(Start, t.Timestamp);
    }

    [Theory]
    [InlineData(0L, "0m")]
    [InlineData(45L, "45m")]
    [InlineData(90L, "1h30m")]
    [InlineData(-125L, "-2h05m")]
    public void TimeCredit_formats_as_hours_and_minutes(long minutes, string text) =>
        Assert.Equal(text, TimeCredit.FromMinutes(minutes).ToString());
}
