using Governance.Calendars;
using Governance.Organisation;
using Governance.People;
using Governance.Testing;
using Xunit.Abstractions;

namespace Governance.Tests.Validation;

/// <summary>
/// The entry-point audit for Core: calendars, deadlines, goals, calendar building and ids fed every combination of the
/// edge values (<see cref="BadValues"/>). Each answer is a typed error or a sensible result (a date within the library's
/// range, a deadline not before its start); never a raw exception, nonsense or a hang.
/// </summary>
public class EntryPointAuditTests(ITestOutputHelper output)
{
    private static readonly DeadlineClock[] Clocks = [DeadlineClock.Elapsed, DeadlineClock.WorkingTime, (DeadlineClock)99];

    private static bool InRange(LocalDate d) => d >= BusinessCalendar.MinDate && d <= BusinessCalendar.MaxDate;

    private static IEnumerable<Func<DeadlineGoal>> Goals()
    {
        yield return () => default;
        foreach (var n in BadValues.Ints)
        {
            yield return () => DeadlineGoal.CalendarDays(n);
            yield return () => DeadlineGoal.WorkingDays(n);
        }

        foreach (var d in BadValues.Durations)
        {
            yield return () => DeadlineGoal.Elapsed(d);
            yield return () => DeadlineGoal.WorkingTime(d);
        }
    }

    [Fact]
    public void Every_edge_value_gets_a_typed_error_or_a_sensible_answer()
    {
        var audit = new EntryPointAudit();
        var china = ChinaCalendar.Mainland;
        foreach (var date in BadValues.Dates)
        {
            audit.Sensible($"IsWorkingDay({date})", () => china.IsWorkingDay(date) == china.IsWorkingDay(date) && InRange(date));
            audit.Sensible($"KindOf({date})", () => Enum.IsDefined(china.KindOf(date)) && InRange(date));
            audit.RefusedOrAccepted($"NameOf({date})", () => china.NameOf(date));
            audit.RefusedOrAccepted($"IsCovered({date})", () => china.IsCovered(date));
            foreach (var n in BadValues.Ints)
            {
                audit.Sensible($"AddWorkingDays({date}, {n})", () => InRange(china.AddWorkingDays(date, n)));
            }

            foreach (var end in BadValues.Dates)
            {
                // Negative when the end is first (documented); never more days than the span holds.
                audit.Sensible($"WorkingDaysBetween({date}, {end})", () => Math.Abs(china.WorkingDaysBetween(date, end)) <= Math.Abs(end.ToDateOnly().DayNumber - date.ToDateOnly().DayNumber));
            }
        }

        var goals = Goals().ToList();
        foreach (var goal in goals)
        {
            audit.RefusedOrAccepted("a goal from edge values", () => goal());
        }

        var calculator = new DeadlineCalculator(china, DateTimeZoneProviders.Tzdb["Asia/Shanghai"]);
        foreach (var start in BadValues.Instants)
        {
            audit.RefusedOrAccepted($"LocalDateOf({start})", () => calculator.LocalDateOf(start));
            foreach (var make in goals)
            {
                audit.Sensible($"Deadline({start}, goal)", () =>
                {
                    var goal = make();
                    return calculator.Deadline(start, goal) >= start;
                });
            }

            foreach (var to in BadValues.Instants)
            {
                foreach (var clock in Clocks)
                {
                    audit.Sensible($"Measure({start}, {to}, {clock})", () => calculator.Measure(start, to, clock) >= Duration.Zero);
                }
            }

            foreach (var amount in BadValues.Durations)
            {
                foreach (var clock in Clocks)
                {
                    audit.Sensible($"Advance({start}, {amount}, {clock})", () => calculator.Advance(start, amount, clock) >= start);
                }
            }
        }

        foreach (var year in BadValues.Ints)
        {
            audit.Sensible($"CoverYear({year})", () => new BusinessCalendarBuilder().CoverYear(year).Build().IsCovered(new LocalDate(year, 1, 1)));
        }

        foreach (var name in BadValues.Texts)
        {
            foreach (var first in BadValues.Dates)
            {
                audit.Sensible($"AddHoliday('{name?[..Math.Min(name.Length, 8)]}', {first})", () =>
                    new BusinessCalendarBuilder().CoverYear(first.Year).AddHoliday(name!, first, first).Build().KindOf(first) == CalendarDayKind.Holiday
                    && !string.IsNullOrWhiteSpace(name) && InRange(first));
            }

            audit.Sensible($"new Id('{name?[..Math.Min(name.Length, 8)]}')", () => !string.IsNullOrWhiteSpace(new Id<Person>(name!).Value));
            audit.RefusedOrAccepted($"Id.Parse('{name?[..Math.Min(name.Length, 8)]}')", () => Id<Person>.Parse(name!, null));
        }

        audit.Refused("a weekend of undefined days", () => new BusinessCalendarBuilder().WithWeekend([(IsoDayOfWeek)0, (IsoDayOfWeek)99]).Build());
        audit.Refused("an organisation with a null escalation ladder", () => new OrganisationModelBuilder()
            .Add(new SubDistrict("SD", "街道"))
            .Add(new Community("C", "社区", "SD", null!))
            .Build());

        var table = audit.Table;
        output.WriteLine(table.ToString());
        Assert.True(table.Clean, table.Report);
    }
}
