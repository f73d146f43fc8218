using Governance.Calendars;
using Governance.Organisation;
using Governance.People;

/// <summary>
/// 人员负荷 — each grid's workers and the time they are busy. A grid worker does one thing at a time: responding to a case,
/// taking it on, and the hands-on part of resolving it each take some of a worker's time, and a task that arrives while
/// every worker of its grid is busy waits for the first to be free. Work is booked first come, first served, in the order
/// the simulator meets it (arrivals in time order); the rule is this class's <see cref="Book"/>. With working hours, a
/// worker's time runs only in them (the library's working-time clock, <see cref="DeadlineCalculator.Advance"/>).
/// </summary>
internal sealed class Staffing
{
    private readonly Dictionary<Id<Grid>, Instant[]> _busyUntil = [];
    private readonly IReadOnlyDictionary<Id<Grid>, IReadOnlyList<Id<Person>>> _workers;
    private readonly DeadlineCalculator? _hours;

    /// <param name="workers">Each grid's workers.</param>
    /// <param name="hours">The working hours their time runs in; null for around the clock.</param>
    public Staffing(IReadOnlyDictionary<Id<Grid>, IReadOnlyList<Id<Person>>> workers, DeadlineCalculator? hours = null)
    {
        _workers = workers;
        _hours = hours;
        foreach (var (grid, people) in workers)
        {
            _busyUntil[grid] = new Instant[people.Count];
        }
    }

    /// <summary>Books <paramref name="effort"/> of the grid's first free worker from <paramref name="ready"/>; returns who and when the task is done.</summary>
    public (Id<Person> Worker, Instant Done) Book(Id<Grid> grid, Instant ready, Duration effort)
    {
        var busy = _busyUntil[grid];
        var w = 0;
        for (var i = 1; i < busy.Length; i++)
        {
            if (busy[i] < busy[w])
            {
                w = i;
            }
        }

        return (_workers[grid][w], BookOn(grid, w, ready, effort));
    }

    /// <summary>Books <paramref name="effort"/> of one worker (the claimant, who resolves what they took on).</summary>
    public Instant BookOn(Id<Grid> grid, Id<Person> worker, Instant ready, Duration effort)
    {
        var index = IndexOf(grid, worker);
        return BookOn(grid, index, ready, effort);
    }

    private Instant BookOn(Id<Grid> grid, int w, Instant ready, Duration effort)
    {
        var busy = _busyUntil[grid];
        var start = busy[w] > ready ? busy[w] : ready;
        busy[w] = _hours is null ? start + effort : _hours.Advance(start, effort, DeadlineClock.WorkingTime);
        return busy[w];
    }

    /// <summary>The shipped calendar (holidays off, 调休 days worked) with office hours, 08:30–12:00 and 13:30–17:30, in Shanghai.</summary>
    public static DeadlineCalculator OfficeHours()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ChinaCalendar.MainlandJson())!.AsObject();
        json["workingHours"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "start": "08:30", "end": "12:00" }, { "start": "13:30", "end": "17:30" }]""");
        return new DeadlineCalculator(BusinessCalendarJson.Parse(json.ToJsonString()), ChinaCalendar.TimeZone);
    }

    private int IndexOf(Id<Grid> grid, Id<Person> worker)
    {
        var people = _workers[grid];
        for (var i = 0; i < people.Count; i++)
        {
            if (people[i] == worker)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{worker}' is not a worker of grid '{grid}'.", nameof(worker));
    }
}
