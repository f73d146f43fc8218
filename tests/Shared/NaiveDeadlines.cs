using Governance.Calendars;

namespace Governance.Testing;

/// <summary>
/// The obvious day-by-day way to compute deadlines: the reference the O(1) calculator is checked against
/// (tests) and measured against (benchmarks).
/// </summary>
public static class NaiveDeadlines
{
    /// <summary>End of the N-th working day after the start's local date, found by walking day by day.</summary>
    public static Instant WorkingDaysEndOfDay(BusinessCalendar calendar, DateTimeZone zone, Instant start, int days)
    {
        var date = start.InZone(zone).Date;
        var count = 0;
        while (count < days)
        {
            date = date.PlusDays(1);
            if (calendar.IsWorkingDay(date))
            {
                count++;
            }
        }

        return zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
    }

    /// <summary>Adds working time by walking the working windows day by day.</summary>
    public static Instant AddWorkingTime(BusinessCalendar calendar, DateTimeZone zone, Instant start, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return start;
        }

        var windows = calendar.WorkingHours.Count == 0
            ? [(0L, NodaConstants.TicksPerDay)]
            : calendar.WorkingHours.Select(w => (w.Start.TickOfDay, w.End == LocalTime.Midnight ? NodaConstants.TicksPerDay : w.End.TickOfDay)).ToList();
        var local = start.InZone(zone).LocalDateTime;
        var date = local.Date;
        var tick = local.TimeOfDay.TickOfDay;
        var remaining = amount.BclCompatibleTicks;
        while (true)
        {
            if (calendar.IsWorkingDay(date))
            {
                foreach (var (s, e) in windows)
                {
                    var from = Math.Max(s, tick);
                    if (from >= e)
                    {
                        continue;
                    }

                    if (remaining <= e - from)
                    {
                        var at = from + remaining;
                        var d = at == NodaConstants.TicksPerDay ? date.PlusDays(1) : date;
                        var t = at == NodaConstants.TicksPerDay ? 0 : at;
                        return d.At(LocalTime.FromTicksSinceMidnight(t)).InZoneLeniently(zone).ToInstant();
                    }

                    remaining -= e - from;
                }
            }

            date = date.PlusDays(1);
            tick = 0;
        }
    }
}
