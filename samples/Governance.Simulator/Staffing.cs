using Governance.Calendars;
using Governance.People;

/// <summary>A piece of a grid worker's work a case asks for: ready at an instant, due by its SLA deadline.</summary>
/// <param name="Pool">Whose people do it: a grid's workers (the grid's id), the community secretary who takes an escalated
/// case on (<c>secretary:</c> and their id), or a summoned department's liaison (<c>department:</c> and its code).</param>
/// <param name="Worker">The one worker who must do it (the claimant resolves what they took on); null for any of the grid's.</param>
/// <param name="Ready">When it can start.</param>
/// <param name="Effort">How much of a worker's time it takes.</param>
/// <param name="Deadline">The deadline of the SLA step it serves (what the nearest-deadline rule orders by).</param>
internal sealed record Work(string Pool, Id<Person>? Worker, Instant Ready, Duration Effort, Instant Deadline)
{
    /// <summary>Who did it (set when it is done).</summary>
    public Id<Person> DoneBy { get; set; }

    /// <summary>When it was done (set when it is done).</summary>
    public Instant Done { get; set; }

    /// <summary>Its place in the order the work was asked for (ties go to the earlier).</summary>
    public long Sequence { get; set; }

    /// <summary>The case's life, resumed when the work is done.</summary>
    public IEnumerator<Work>? Life { get; set; }
}

/// <summary>派工规则 — which of the work waiting for a grid's free worker is taken first.</summary>
internal interface IWorkOrder
{
    /// <summary>The rule's name, as <c>--queue</c> takes it.</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="a"/> is taken before <paramref name="b"/>.</summary>
    bool Before(Work a, Work b);
}

/// <summary>The nearest SLA deadline first (the default): a worker takes what will breach soonest.</summary>
internal sealed class NearestDeadlineFirst : IWorkOrder
{
    public string Name => "nearest-deadline";

    public bool Before(Work a, Work b) => a.Deadline != b.Deadline ? a.Deadline < b.Deadline : a.Sequence < b.Sequence;
}

/// <summary>First come, first served: the work that has waited longest.</summary>
internal sealed class FirstComeFirstServed : IWorkOrder
{
    public string Name => "first-come";

    public bool Before(Work a, Work b) => a.Ready != b.Ready ? a.Ready < b.Ready : a.Sequence < b.Sequence;
}

/// <summary>
/// 人员负荷 — each grid's workers (and each community secretary and department liaison) and their queue, as a
/// discrete-event simulation. A case's life (<see cref="Simulation"/>)
/// asks for <see cref="Work"/> — responding, taking it on, the hands-on part of resolving it — and waits until it is done;
/// a worker does one thing at a time, and when free takes the waiting work of their grid that <see cref="IWorkOrder"/>
/// puts first (the nearest deadline by default; <c>--queue first-come</c> for arrival order). With working hours, a
/// worker takes work only in them and their time runs only in them (the library's working-time clock,
/// <see cref="DeadlineCalculator.Advance"/>). Events at one instant run in the order they were scheduled, so the same
/// seed gives the same run.
/// </summary>
internal sealed class Staffing
{
    private readonly Dictionary<string, Pool> _pools = [];
    private readonly DeadlineCalculator? _hours;
    private readonly IWorkOrder _order;
    private readonly PriorityQueue<Action<Instant>, (Instant At, long Sequence)> _events = new();
    private long _sequence;

    /// <param name="workers">Each pool's people (see <see cref="Work.Pool"/>).</param>
    /// <param name="hours">The working hours their time runs in; null for around the clock.</param>
    /// <param name="order">The rule for what a free worker takes; nearest deadline first if null.</param>
    public Staffing(IReadOnlyDictionary<string, IReadOnlyList<Id<Person>>> workers, DeadlineCalculator? hours = null, IWorkOrder? order = null)
    {
        _hours = hours;
        _order = order ?? new NearestDeadlineFirst();
        foreach (var (grid, people) in workers)
        {
            _pools[grid] = new Pool(people.ToArray());
        }
    }

    /// <summary>The rules <c>--queue</c> can name.</summary>
    public static IReadOnlyList<IWorkOrder> Orders { get; } = [new NearestDeadlineFirst(), new FirstComeFirstServed()];

    /// <summary>Starts a case's life at <paramref name="at"/>: it runs until it asks for work, and on when the work is done.</summary>
    public void Start(IEnumerator<Work> life, Instant at) => Schedule(at, now => Continue(life, now));

    /// <summary>Runs every event before <paramref name="end"/>; work not done by then is left undone, its case where it is.</summary>
    public void Run(Instant end)
    {
        while (_events.TryPeek(out _, out var key) && key.At < end)
        {
            _events.Dequeue()(key.At);
        }
    }

    private void Schedule(Instant at, Action<Instant> action) => _events.Enqueue(action, (at, _sequence++));

    private void Continue(IEnumerator<Work> life, Instant now)
    {
        if (!life.MoveNext())
        {
            return;
        }

        var work = life.Current;
        work.Life = life;
        work.Sequence = _sequence;
        Schedule(work.Ready > now ? work.Ready : now, at =>
        {
            _pools[work.Pool].Waiting.Add(work);
            Dispatch(work.Pool, at);
        });
    }

    /// <summary>Every free worker of the grid takes the waiting work the rule puts first (that they may do).</summary>
    private void Dispatch(string grid, Instant now)
    {
        var pool = _pools[grid];
        for (var w = 0; w < pool.Workers.Length && pool.Waiting.Count > 0; w++)
        {
            if (pool.BusyUntil[w] > now)
            {
                continue;
            }

            // Outside working hours a free worker waits for the next working instant, and looks again then.
            var start = NextWorkingInstant(now);
            if (start > now)
            {
                if (pool.WakeAt[w] != start)
                {
                    pool.WakeAt[w] = start;
                    Schedule(start, at => Dispatch(grid, at));
                }

                continue;
            }

            var worker = pool.Workers[w];
            Work? best = null;
            foreach (var waiting in pool.Waiting)
            {
                if ((waiting.Worker is null || waiting.Worker == worker) && (best is null || _order.Before(waiting, best)))
                {
                    best = waiting;
                }
            }

            if (best is null)
            {
                continue;
            }

            pool.Waiting.Remove(best);
            var done = _hours is null ? now + best.Effort : _hours.Advance(now, best.Effort, DeadlineClock.WorkingTime);
            pool.BusyUntil[w] = done;
            best.DoneBy = worker;
            best.Done = done;
            var life = best.Life!;
            Schedule(done, at => Continue(life, at));
            Schedule(done, at => Dispatch(grid, at));
        }
    }

    private Instant NextWorkingInstant(Instant now) =>
        _hours is null ? now : _hours.Advance(now, Duration.FromTicks(1), DeadlineClock.WorkingTime) - Duration.FromTicks(1);

    /// <summary>The shipped calendar (holidays off, 调休 days worked) with office hours, 08:30–12:00 and 13:30–17:30, in Shanghai.</summary>
    public static DeadlineCalculator OfficeHours()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ChinaCalendar.MainlandJson())!.AsObject();
        json["workingHours"] = System.Text.Json.Nodes.JsonNode.Parse("""[{ "start": "08:30", "end": "12:00" }, { "start": "13:30", "end": "17:30" }]""");
        return new DeadlineCalculator(BusinessCalendarJson.Parse(json.ToJsonString()), ChinaCalendar.TimeZone);
    }

    /// <summary>One grid's workers: until when each is busy, when each was last set to wake, and the work waiting.</summary>
    private sealed class Pool(Id<Person>[] workers)
    {
        public Id<Person>[] Workers { get; } = workers;

        public Instant[] BusyUntil { get; } = new Instant[workers.Length];

        public Instant[] WakeAt { get; } = new Instant[workers.Length];

        public List<Work> Waiting { get; } = [];
    }
}
