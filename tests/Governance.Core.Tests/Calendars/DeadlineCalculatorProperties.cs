using FsCheck.Xunit;
using Governance.Calendars;
using Governance.Testing;

namespace Governance.Tests.Calendars;

/// <summary>Invariants of the deadline calculator, in Asia/Shanghai and in a zone with DST.</summary>
public class DeadlineCalculatorProperties
{
    private static readonly Gen<DateTimeZone> Zones = Gen.Elements(Arbitraries.Shanghai, Arbitraries.Berlin, DateTimeZone.Utc);

    private static readonly Gen<DeadlineCalculator> Calculators =
        from calendar in Arbitraries.Calendars
        from zone in Zones
        select new DeadlineCalculator(calendar, zone);

    private static readonly Gen<Instant> AnyStart = Gen.OneOf(Arbitraries.Instants, Arbitraries.NearDstTransitions);

    [Property]
    public Property Deadline_is_never_before_its_start() =>
        Prop.ForAll(
            (from c in Calculators from s in AnyStart from g in Arbitraries.Goals select (c, s, g)).ToArbitrary(),
            x => x.c.Deadline(x.s, x.g) >= x.s);

    [Property]
    public Property End_of_day_working_deadline_is_the_midnight_after_a_working_day() =>
        Prop.ForAll(
            (from c in Calculators from s in AnyStart from d in Gen.Choose(1, 400) select (c, s, d)).ToArbitrary(),
            x =>
            {
                var deadline = x.c.Deadline(x.s, DeadlineGoal.WorkingDays(x.d)).InZone(x.c.Zone);
                return deadline.TimeOfDay == LocalTime.Midnight && x.c.Calendar.IsWorkingDay(deadline.Date.PlusDays(-1));
            });

    [Property]
    public Property Working_day_deadline_never_lands_on_a_non_working_day() =>
        Prop.ForAll(
            (from c in Calculators from s in AnyStart from d in Gen.Choose(1, 400) select (c, s, d)).ToArbitrary(),
            x =>
            {
                var deadline = x.c.Deadline(x.s, DeadlineGoal.WorkingDays(x.d, DayReading.Rolling));
                var local = deadline.InZone(x.c.Zone).LocalDateTime;

                // The clock's end can be the very end (24:00) of a working day, which reads as next midnight.
                var day = local.TimeOfDay == LocalTime.Midnight ? local.Date.PlusDays(-1) : local.Date;
                return x.c.Calendar.IsWorkingDay(day);
            });

    [Property]
    public Property Adding_a_then_b_working_days_equals_adding_a_plus_b() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from s in Arbitraries.Instants from a in Gen.Choose(1, 300) from b in Gen.Choose(1, 300) select (cal, date: s.InUtc().Date, a, b)).ToArbitrary(),
            x => x.cal.AddWorkingDays(x.cal.AddWorkingDays(x.date, x.a), x.b) == x.cal.AddWorkingDays(x.date, x.a + x.b));

    [Property]
    public Property Adding_working_days_then_going_back_returns_to_a_working_day_start() =>
        Prop.ForAll(
            (from s in Arbitraries.Instants from a in Gen.Choose(1, 300) select (date: s.InUtc().Date, a)).ToArbitrary(),
            x =>
            {
                var cal = ChinaCalendar.Mainland;
                var forward = cal.AddWorkingDays(x.date, x.a);
                return cal.IsWorkingDay(forward)
                    && cal.WorkingDaysBetween(x.date.PlusDays(1), forward.PlusDays(1)) == x.a
                    && cal.AddWorkingDays(forward, -x.a) == (cal.IsWorkingDay(x.date) ? x.date : cal.AddWorkingDays(x.date, -1));
            });

    [Property]
    public Property Elapsed_time_to_the_deadline_equals_the_goal_on_working_time_clocks() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from zone in Gen.Elements(Arbitraries.Shanghai, DateTimeZone.Utc) from s in Arbitraries.Instants from g in Arbitraries.RollingGoals select (c: new DeadlineCalculator(cal, zone), s, g)).ToArbitrary(),
            x =>
            {
                var expected = x.g.Kind switch
                {
                    DeadlineGoalKind.WorkingTime => x.g.Length,
                    DeadlineGoalKind.WorkingDays => x.c.Calendar.WorkingDayLength * x.g.Days,
                    _ => Duration.FromDays(x.g.Days),
                };
                return x.c.Elapsed(x.s, x.c.Deadline(x.s, x.g), x.g) == expected;
            });

    [Property]
    public Property Elapsed_time_to_the_deadline_is_at_least_the_goal_across_DST() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from s in Arbitraries.NearDstTransitions from g in Arbitraries.RollingGoals select (c: new DeadlineCalculator(cal, Arbitraries.Berlin), s, g)).ToArbitrary(),
            x =>
            {
                var deadline = x.c.Deadline(x.s, x.g);
                var elapsed = x.c.Elapsed(x.s, deadline, x.g);
                var goal = x.g.Kind switch
                {
                    DeadlineGoalKind.WorkingTime => x.g.Length,
                    DeadlineGoalKind.WorkingDays => x.c.Calendar.WorkingDayLength * x.g.Days,
                    _ => Duration.FromDays(x.g.Days),
                };

                // Equal, except when the deadline falls in a spring-forward gap: then it is the gap's end, an hour on.
                return elapsed == goal || (elapsed > goal && elapsed - goal <= Duration.FromHours(1));
            });

    [Property]
    public Property Deadlines_are_monotonic_in_the_start() =>
        Prop.ForAll(
            (from c in Calculators from s in AnyStart from delta in Gen.Choose(0, 6 * 60) from g in Arbitraries.Goals select (c, s, later: s + Duration.FromMinutes(delta), g)).ToArbitrary(),
            x => x.c.Deadline(x.s, x.g) <= x.c.Deadline(x.later, x.g));

    [Property]
    public Property Elapsed_working_time_is_monotonic_across_DST() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from s in Arbitraries.NearDstTransitions from delta in Gen.Choose(0, 180) select (c: new DeadlineCalculator(cal, Arbitraries.Berlin), s, t: s + Duration.FromMinutes(delta))).ToArbitrary(),
            x => x.c.Measure(x.s, x.t, DeadlineClock.WorkingTime) >= Duration.Zero
                && x.c.Measure(x.s, x.t, DeadlineClock.CalendarDays) >= Duration.Zero);

    [Property]
    public Property O1_end_of_day_deadline_equals_the_naive_day_by_day_reference() =>
        Prop.ForAll(
            (from c in Calculators from s in AnyStart from d in Gen.Choose(1, 400) select (c, s, d)).ToArbitrary(),
            x => x.c.Deadline(x.s, DeadlineGoal.WorkingDays(x.d)) == NaiveDeadlines.WorkingDaysEndOfDay(x.c.Calendar, x.c.Zone, x.s, x.d));

    [Property]
    public Property O1_working_time_deadline_equals_the_naive_day_by_day_reference() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from zone in Gen.Elements(Arbitraries.Shanghai, DateTimeZone.Utc) from s in Arbitraries.Instants from m in Gen.Choose(0, 200_000) select (c: new DeadlineCalculator(cal, zone), s, m)).ToArbitrary(),
            x =>
            {
                var amount = Duration.FromMinutes(x.m);
                return x.c.Deadline(x.s, DeadlineGoal.WorkingTime(amount)) == NaiveDeadlines.AddWorkingTime(x.c.Calendar, x.c.Zone, x.s, amount);
            });

    [Property]
    public Property Working_day_index_and_position_are_inverse() =>
        Prop.ForAll(
            (from cal in Arbitraries.Calendars from k in Gen.Choose(-3000, 3000) select (cal, k)).ToArbitrary(),
            x =>
            {
                var day = x.cal.WorkingDayAt(x.k);
                return x.cal.IsWorkingDayNumber(day) && x.cal.WorkingDaysBefore(day) == x.k;
            });

    [Fact]
    public void Berlin_deadline_across_spring_forward_keeps_the_local_time()
    {
        var berlin = Arbitraries.Berlin;
        var calculator = new DeadlineCalculator(ChinaCalendar.Mainland, berlin);
        var start = new LocalDateTime(2026, 3, 27, 10, 0).InZoneStrictly(berlin).ToInstant(); // Friday, CET
        var deadline = calculator.Deadline(start, DeadlineGoal.WorkingDays(1, DayReading.Rolling));
        Assert.Equal(new LocalDateTime(2026, 3, 30, 10, 0), deadline.InZone(berlin).LocalDateTime); // Monday, CEST
        Assert.Equal(Duration.FromHours(71), deadline - start);
    }

    [Fact]
    public void Deadline_in_a_spring_forward_gap_is_the_end_of_the_gap()
    {
        var berlin = Arbitraries.Berlin;
        var calculator = new DeadlineCalculator(ChinaCalendar.Mainland, berlin);
        var start = new LocalDateTime(2026, 3, 28, 2, 30).InZoneStrictly(berlin).ToInstant();
        var deadline = calculator.Deadline(start, DeadlineGoal.CalendarDays(1, DayReading.Rolling));
        Assert.Equal(new LocalDateTime(2026, 3, 29, 3, 0), deadline.InZone(berlin).LocalDateTime);
    }

    [Fact]
    public void Repeated_hour_of_a_fall_back_is_counted_once()
    {
        var berlin = Arbitraries.Berlin;
        var calculator = new DeadlineCalculator(ChinaCalendar.Mainland, berlin);
        var before = new LocalDateTime(2026, 10, 25, 1, 0).InZoneStrictly(berlin).ToInstant();
        var after = new LocalDateTime(2026, 10, 25, 4, 0).InZoneStrictly(berlin).ToInstant();
        Assert.Equal(Duration.FromHours(4), after - before);
        Assert.Equal(Duration.FromHours(3), calculator.Measure(before, after, DeadlineClock.CalendarDays));
    }

    [Fact]
    public void Bad_arguments_are_rejected_with_their_names()
    {
        var calculator = new DeadlineCalculator(ChinaCalendar.Mainland, Arbitraries.Shanghai);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineGoal.WorkingDays(0)).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineGoal.Elapsed(Duration.FromHours(-1))).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Advance(Instant.FromUtc(2026, 1, 1, 0, 0), Duration.FromDays(-1), DeadlineClock.WorkingTime)).ParamName);
        Assert.Equal("start", Assert.Throws<ArgumentOutOfRangeException>(() => calculator.Deadline(Instant.MinValue, DeadlineGoal.WorkingDays(1))).ParamName);
        Assert.Equal("calendar", Assert.Throws<ArgumentNullException>(() => new DeadlineCalculator(null!, Arbitraries.Shanghai)).ParamName);
    }
}
