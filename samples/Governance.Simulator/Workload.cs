using Governance.Cases;

/// <summary>
/// The simulated workload: plausible distributions, documented here because a district tunes against them.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Arrivals: <c>--cases-per-day</c> on an ordinary weekday (Poisson); ×0.8 on Saturdays, ×0.7 on Sundays,
/// ×0.6 on public holidays; spread over the day by <see cref="HourWeights"/> (peaks 09–11 and 14–17).</item>
/// <item>Sources: resident reports 40%, patrol 25%, 12345 work orders 20%, assigned from above 10%, part-time grid workers 5%.</item>
/// <item>Categories: the seeds' examples, weighted by <see cref="Categories"/> and by the season (<see cref="Season"/>):
/// 暖气不热 only in the heating season (15 November – 15 March in northern cities; here November to March, ×3), 油烟 and
/// 飞线充电 ×1.8 in June to August (windows open, e-bikes charged in the heat), 楼道堆物 ×1.3 around the spring clean-up
/// in March and April; 60% of cases name a building.</item>
/// <item>Working hours: by default a grid's workers are on call around the clock; with <c>--working-hours</c> their
/// time is booked only on the calendar's working days (holidays off, 调休 make-up days worked) from 08:30 to 12:00 and
/// 13:30 to 17:30, so work that arrives in the evening waits for the morning.</item>
/// <item>Handling (minutes, exponential, scaled by <c>--worker-speed</c>): noticing a case mean 10, then responding takes a
/// grid worker mean 8; before claiming mean 10, then claiming takes a worker mean 12; that work waits in the grid's queue
/// for a free worker, who takes the nearest SLA deadline first (<see cref="Staffing"/>), so a busy grid waits. Resolution hours per category (<see cref="Categories"/>)
/// × a log-normal factor (σ 0.6), of which the claimant's hands-on part (mean 45 minutes) is booked too; feedback mean
/// 20 h after resolution;
/// satisfaction 80% 满意, 13% 基本满意, 7% 不满意 (rework at half the time).</item>
/// <item>12% of cases are escalated to the community, where the secretary takes them on (mean 20 minutes of their time,
/// in their own queue across the community's grids); half of those in fumes, fire-lane and flying-wire categories summon
/// one or two departments, whose liaison comes when free (a mean of 4 hours on the way, 2 on site, in the department's
/// queue across the district). 5% of cases pause (waiting for access)
/// for a mean of 24 hours.</item>
/// <item>Building heads: per month Poisson(2) meetings, Poisson(1.5) suggestion-book entries, Poisson(4) hours of
/// volunteer service, a mediation with probability 0.2. Grid workers: Poisson(3) home visits per working day.</item>
/// <item>Time bank: each day three volunteers deposit 1–3 hours; each elderly resident eats at the canteen (30 minutes
/// of credit) with probability 0.2 a day, paid by a relative volunteer's gift when short; home care is booked with a
/// hold (60 minutes, expiring after two days) and posted or left to expire.</item>
/// </list>
/// </remarks>
internal static class Workload
{
    public static readonly double[] HourWeights =
        [0.1, 0.05, 0.05, 0.05, 0.1, 0.2, 0.5, 1.0, 1.6, 2.0, 2.0, 1.5, 0.8, 1.0, 1.6, 1.8, 1.7, 1.3, 1.0, 0.9, 0.7, 0.5, 0.3, 0.2];

    public static readonly (CaseCategory Category, double Weight, double ResolveHours)[] Categories =
    [
        (CaseCategory.CorridorClutter, 14, 8), (CaseCategory.BlockedFireLane, 6, 20), (CaseCategory.CookingFumes, 5, 48),
        (CaseCategory.RoadDamage, 6, 60), (CaseCategory.LeakingPipe, 10, 12), (CaseCategory.FlyingWireCharging, 8, 2),
        (CaseCategory.BlockedSepticTank, 4, 30), (CaseCategory.UncollectedRubbish, 15, 6), (CaseCategory.FallingPlaster, 4, 40),
        (CaseCategory.HeatingNotWarm, 5, 24), (CaseCategory.HighAltitudeThrowing, 3, 36), (CaseCategory.Parking, 20, 10),
    ];

    public static readonly (CaseSource Source, double Weight)[] Sources =
    [
        (CaseSource.ResidentReport, 40), (CaseSource.PatrolDiscovery, 25), (CaseSource.Hotline12345, 20),
        (CaseSource.AssignedFromAbove, 10), (CaseSource.PartTimeGridWorker, 5),
    ];

    /// <summary>The season's factor on a category's weight in a month (1 to 12).</summary>
    public static double Season(CaseCategory category, int month) => category.Code switch
    {
        _ when category == CaseCategory.HeatingNotWarm => month is >= 11 or <= 3 ? 3 : 0,
        _ when category == CaseCategory.CookingFumes || category == CaseCategory.FlyingWireCharging => month is >= 6 and <= 8 ? 1.8 : 1,
        _ when category == CaseCategory.CorridorClutter => month is 3 or 4 ? 1.3 : 1,
        _ => 1,
    };

    /// <summary>The categories' weights in a month (1 to 12), the season applied.</summary>
    public static (int Index, double Weight)[] CategoryWeights(int month) =>
        Categories.Select((c, i) => (i, c.Weight * Season(c.Category, month))).ToArray();

    public static T Pick<T>(Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var x = random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            x -= weight;
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    public static int Poisson(Random random, double lambda)
    {
        // Knuth's method is fine for the small rates used here; a normal approximation above 30.
        if (lambda > 30)
        {
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * Normal(random))));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    public static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    public static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
