using Governance.Calendars;
using Governance.Cases;
using Governance.People;
using Governance.Reports;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rankings;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;
using Governance.Scoring.Selection;
using Governance.Sla;
using Governance.TimeBank;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

/// <summary>The options of one run.</summary>
internal sealed record SimulationOptions(int Seed, LocalDate From, LocalDate To, double CasesPerDay, int Grids, double WorkerSpeed, SlaPolicySet Policy, string PolicyName, RuleSet GridWorkerRules)
{
    /// <summary>Grid workers per grid (staffing).</summary>
    public int WorkersPerGrid { get; init; } = 1;

    /// <summary>Staffing overrides: grid number (from 1) → its grid workers.</summary>
    public IReadOnlyDictionary<int, int>? Staff { get; init; }

    /// <summary>Whether grid workers work only in working hours on working days (<c>--working-hours</c>); otherwise on call around the clock.</summary>
    public bool WorkingHours { get; init; }

    /// <summary>What a free grid worker takes first (<c>--queue</c>); the nearest deadline if null.</summary>
    public IWorkOrder? Queue { get; init; }
}

/// <summary>What a run leaves behind: the organisation, the cases, the scoring facts and the ledger.</summary>
internal sealed record SimulatedDistrict(
    Governance.Organisation.OrganisationModel Organisation, CaseWorkflow Workflow, Instant From, IReadOnlyList<Case> Cases, IReadOnlyList<ScoringFact> Facts, TimeBankLedgerExport Ledger);

/// <summary>Runs the district through the period as a host app would: DI, public API, a fake clock.</summary>
internal static class Simulation
{
    public static SimulationReport Run(SimulationOptions o, Action<double>? progress = null) => RunWithState(o, progress).Report;

    /// <summary>Runs the district and also returns what it holds (for <c>--database</c>).</summary>
    public static (SimulationReport Report, SimulatedDistrict State) RunWithState(SimulationOptions o, Action<double>? progress = null)
    {
        var district = District.Build(o.Grids, o.WorkersPerGrid, o.Staff);
        // Who takes work: each grid's workers, each community secretary (escalations), each department's liaison (summons).
        var pools = district.WorkersOf.ToDictionary(g => g.Key.Value, g => g.Value);
        foreach (var secretary in district.SecretaryOf.Values.Distinct())
        {
            pools[$"secretary:{secretary}"] = [secretary];
        }

        foreach (var (code, liaison) in district.Liaisons)
        {
            pools[$"department:{code}"] = [liaison];
        }

        var staffing = new Staffing(pools, o.WorkingHours ? Staffing.OfficeHours() : null, o.Queue);
        var clock = new FakeClock(Instant.FromUtc(2000, 1, 1, 0, 0));
        using var services = new ServiceCollection()
            .AddGovernanceCore(c => c.Clock = clock)
            .AddGovernanceWorkflow(w => { w.Organisation = district.Organisation; w.SlaPolicies = o.Policy; w.RefuseCommandsAheadOfClock = false; })
            .AddGovernanceScoring(s => s.GridWorkerRules = o.GridWorkerRules)
            .AddGovernanceTimeBank()
            .BuildServiceProvider();
        var workflow = services.GetRequiredService<CaseWorkflow>();
        var sla = services.GetRequiredService<SlaEngine>();
        var calendar = services.GetRequiredService<BusinessCalendar>();
        var zone = services.GetRequiredService<DateTimeZone>();
        var ledger = services.GetRequiredService<TimeBankLedger>();
        var scoring = services.GetRequiredService<Governance.DependencyInjection.GovernanceScoringOptions>();
        var random = new Random(o.Seed);
        var end = zone.AtStartOfDay(o.To.PlusDays(1)).ToInstant();

        var cases = new List<(Case Case, CaseSla Sla)>();
        var headFacts = new List<ScoringFact>();
        var workerFacts = new List<ScoringFact>();
        foreach (var person in district.Volunteers.Concat(district.Elderly).Concat(district.BuildingHeads))
        {
            ledger.OpenPersonAccount(person);
        }

        for (var i = 0; i < district.Elderly.Count; i++)
        {
            ledger.RegisterRelation(district.Elderly[i].Id, district.Volunteers[i].Id, RelationKind.DirectRelative);
        }

        var days = Period.Between(o.From, o.To, PeriodUnits.Days).Days + 1;
        var caseNumber = 0;
        var txn = 0;
        for (var d = 0; d < days; d++)
        {
            progress?.Invoke((double)d / days);
            var date = o.From.PlusDays(d);
            var kind = calendar.KindOf(date);
            var factor = calendar.IsWorkingDay(date) ? 1.0 : kind == CalendarDayKind.Holiday ? 0.6 : date.DayOfWeek == IsoDayOfWeek.Saturday ? 0.8 : 0.7;

            // Cases.
            var arrivals = Workload.Poisson(random, o.CasesPerDay * factor);
            var times = Enumerable.Range(0, arrivals)
                .Select(_ => date.At(new LocalTime(Workload.Pick(random, Workload.HourWeights.Select((w, h) => (h, w)).ToArray()), random.Next(60))))
                .Order().ToArray();
            foreach (var local in times)
            {
                // Each case draws from its own generator, so the order the simulation runs their lives in changes nothing.
                var registered = local.InZoneLeniently(zone).ToInstant();
                var own = new Random(random.Next());
                var (c, category) = Register(workflow, district, own, registered, date.Month, ref caseNumber);
                var tracker = sla.Track(c);
                cases.Add((c, tracker));
                staffing.Start(Life(c, tracker, category, district, o, own, end).GetEnumerator(), registered);
            }

            // Grid workers' visits on working days.
            if (calendar.IsWorkingDay(date))
            {
                foreach (var grid in district.Grids)
                {
                    var visits = Workload.Poisson(random, 3);
                    workerFacts.AddRange(Enumerable.Range(0, visits).Select(v => new ScoringFact($"visit-{grid}-{date:uuuuMMdd}-{v}", district.WorkerOf[grid], date, ScoringFactKinds.Visit)));
                }
            }

            // Building heads' month, recorded on the 1st.
            if (date.Day == 1 || d == 0)
            {
                foreach (var head in district.BuildingHeads)
                {
                    var tag = $"{head.Id}-{date:uuuuMM}";
                    headFacts.AddRange(Enumerable.Range(0, Workload.Poisson(random, 2)).Select(i => new ScoringFact($"{tag}-meeting-{i}", head.Id, date.PlusDays(i * 7 % 27), ScoringFactKinds.Meeting)));
                    headFacts.AddRange(Enumerable.Range(0, Workload.Poisson(random, 1.5)).Select(i => new ScoringFact($"{tag}-book-{i}", head.Id, date.PlusDays((i * 5) + 2), ScoringFactKinds.SuggestionBook)));
                    headFacts.Add(new ScoringFact($"{tag}-volunteer", head.Id, date.PlusDays(10), ScoringFactKinds.VolunteerService, Workload.Poisson(random, 4)));
                    if (random.NextDouble() < 0.2)
                    {
                        headFacts.Add(new ScoringFact($"{tag}-mediation", head.Id, date.PlusDays(15), ScoringFactKinds.Mediation));
                    }
                }
            }

            // The time bank's day, in time order on the fake clock.
            clock.Reset(date.At(new LocalTime(9, 0)).InZoneLeniently(zone).ToInstant());
            for (var v = 0; v < 3; v++)
            {
                var volunteer = district.Volunteers[random.Next(district.Volunteers.Count)];
                var start = date.At(new LocalTime(8, 0)).InZoneLeniently(zone).ToInstant() - Duration.FromDays(1);
                ledger.TryExecute(new DepositRequest($"t{++txn}", volunteer.Id.Value, new ServiceRecord(ServiceType.HomeVisit, new Interval(start, start + Duration.FromHours(random.Next(1, 4)))), district.WorkerOf[district.Grids[0]]), out _, out _);
            }

            clock.Reset(date.At(new LocalTime(12, 0)).InZoneLeniently(zone).ToInstant());
            for (var i = 0; i < district.Elderly.Count; i++)
            {
                var old = district.Elderly[i];
                if (random.NextDouble() >= 0.2)
                {
                    continue;
                }

                var meal = new RedemptionRequest($"t{++txn}", old.Id.Value, old.Id.Value, ServiceType.CanteenMeal, date, TimeCredit.FromMinutes(30));
                if (!ledger.TryExecute(meal, out _, out _))
                {
                    ledger.TryExecute(new GiftRequest($"t{++txn}", district.Volunteers[i].Id.Value, old.Id.Value, TimeCredit.FromMinutes(60)), out _, out _);
                    ledger.TryExecute(meal with { Id = $"t{++txn}" }, out _, out _);
                }

                if (random.NextDouble() < 0.1)
                {
                    var hold = new HoldRequest($"t{++txn}", old.Id.Value, old.Id.Value, ServiceType.HomeCare, date.PlusDays(1), TimeCredit.FromMinutes(60), clock.GetCurrentInstant() + Duration.FromDays(2));
                    if (ledger.TryExecute(hold, out _, out _) && random.NextDouble() < 0.7)
                    {
                        ledger.TryExecute(new PostHoldRequest($"t{++txn}", hold.Id), out _, out _);
                    }
                }
            }
        }

        clock.Reset(end);
        // The cases' lives, in time order across the district, each step's work taken by the grid's free workers.
        staffing.Run(end);
        progress?.Invoke(1);
        var report = SimulationReport.Build(o, district, cases, headFacts, workerFacts, ledger, zone, end, scoring);
        var caseFacts = cases.SelectMany(x => CaseFacts.From(x.Case, x.Sla.StatesAt(x.Case, end), zone, district.WorkerOf[x.Case.GridId]))
            .Select(f => new ScoringFact(f.Id, f.Person, f.Date, f.Kind, f.Quantity, Note: f.Source));
        return (report, new SimulatedDistrict(district.Organisation, workflow, zone.AtStartOfDay(o.From).ToInstant(), cases.Select(x => x.Case).ToArray(),
            [.. headFacts, .. workerFacts, .. caseFacts], ledger.Export()));
    }

    private static (Case Case, (CaseCategory Category, double Weight, double ResolveHours) Category) Register(
        CaseWorkflow workflow, District district, Random random, Instant registered, int month, ref int number)
    {
        var grid = district.Grids[random.Next(district.Grids.Count)];
        var category = Workload.Categories[Workload.Pick(random, Workload.CategoryWeights(month))];
        var source = Workload.Pick(random, Workload.Sources);
        var buildings = district.BuildingsOf[grid];
        Id<Governance.Organisation.Building>? building = buildings.Count > 0 && random.NextDouble() < 0.6 ? buildings[random.Next(buildings.Count)] : (Id<Governance.Organisation.Building>?)null;
        return (workflow.Register(new CaseRegistration($"E{++number:000000}", source, category.Category, new CaseLocation(grid, building), category.Category.DisplayName, registered)), category);
    }

    /// <summary>A case's life after registration: it asks for a grid worker's time where a step takes it (<see cref="Work"/>), and goes on once that is done.</summary>
    private static IEnumerable<Work> Life(Case c, CaseSla tracker, (CaseCategory Category, double Weight, double ResolveHours) category, District district, SimulationOptions o, Random random, Instant end)
    {
        var grid = c.GridId;
        var registered = c.RegisteredAt;
        var worker = district.WorkerOf[grid];
        var t = registered;
        (Instant Start, Instant End)? pause = null;
        var (paused, resumed) = (false, false);

        // A pause (waiting for access) is recorded in the case's history when its time comes, between the other steps.
        void Settle(Instant upTo)
        {
            if (pause is { } p && !paused && p.Start <= upTo && c.PermittedTriggers.Contains(CaseTrigger.Pause))
            {
                c.Pause(worker, p.Start, "等待住户入户");
                paused = true;
            }

            if (pause is { } q && paused && !resumed && q.End <= upTo && c.IsPaused && c.PermittedTriggers.Contains(CaseTrigger.Resume))
            {
                c.Resume(worker, q.End);
                resumed = true;
            }
        }

        // Each step happens if it falls before the end of the run; the case is left where the run ends.
        bool Step(double minutes, Action<Instant> act)
        {
            t += Duration.FromMinutes(Math.Max(1, Math.Round(minutes)));
            Settle(t < end ? t : end - Duration.Epsilon);
            if (t >= end)
            {
                return false;
            }

            act(t);
            return true;
        }

        var speed = o.WorkerSpeed;
        static Duration Minutes(double m) => Duration.FromMinutes(Math.Max(1, Math.Round(m)));

        // The grid's workers: noticing the case takes no one's time; responding and taking it on do (Staffing).
        Instant DeadlineOf(SlaStep step, Instant at) =>
            tracker.StatesAt(c, at).Where(x => x.Step == step && x.Status == SlaStatus.Running).Select(x => x.Deadline).DefaultIfEmpty(at).First();
        var respond = new Work(grid.Value, null, registered + Minutes(Workload.Exponential(random, 10 * speed)), Minutes(Workload.Exponential(random, 8 * speed)), DeadlineOf(SlaStep.Respond, registered));
        yield return respond;
        if (!Step((respond.Done - t).TotalMinutes, at => c.Respond(respond.DoneBy, at)))
        {
            yield break;
        }

        var claim = new Work(grid.Value, null, t + Minutes(Workload.Exponential(random, 10 * speed)), Minutes(Workload.Exponential(random, 12 * speed)), DeadlineOf(SlaStep.Claim, t));
        yield return claim;
        var claimant = claim.DoneBy;
        if (!Step((claim.Done - t).TotalMinutes, at => c.Claim(claimant, at)))
        {
            yield break;
        }

        worker = claimant;
        if (random.NextDouble() < 0.05)
        {
            var start = t + Duration.FromHours(1);
            pause = (start, start + Duration.FromMinutes(Math.Round(Workload.Exponential(random, 24 * 60))));
        }

        var handler = worker;
        if (random.NextDouble() < 0.12)
        {
            // The community takes it on when its secretary is free (the secretary's queue holds every grid's escalations).
            var secretary = district.SecretaryOf[grid];
            if (!Step(30 + random.Next(90), at => c.Escalate(district.LeaderOf[grid], at, "网格无法解决，上报社区")))
            {
                yield break;
            }

            var take = new Work($"secretary:{secretary}", secretary, t + Minutes(10 + random.Next(50)), Minutes(Workload.Exponential(random, 20 * speed)), DeadlineOf(SlaStep.Claim, t));
            yield return take;
            if (!Step((take.Done - t).TotalMinutes, at => c.Claim(secretary, at)))
            {
                yield break;
            }

            handler = secretary;
            if (category.Category == CaseCategory.CookingFumes || category.Category == CaseCategory.BlockedFireLane || category.Category == CaseCategory.FlyingWireCharging
                ? random.NextDouble() < 0.5 : random.NextDouble() < 0.1)
            {
                Department[] all = [Department.Police, Department.LawEnforcement, Department.MarketRegulation, Department.PropertyCompany];
                var summoned = all.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
                if (!Step(5, at => c.SummonDepartments(secretary, at, summoned, "社区吹哨")))
                {
                    yield break;
                }

                // Each department's liaison comes when free (their queue holds every community's summons): on the way a
                // mean of 4 hours, on site a mean of 2.
                foreach (var department in summoned)
                {
                    var liaison = district.Liaisons[department.Code];
                    var report = new Work($"department:{department.Code}", liaison, t + Minutes(Workload.Exponential(random, 4 * 60)), Minutes(Workload.Exponential(random, 2 * 60)), DeadlineOf(SlaStep.ReportIn, t));
                    yield return report;
                    if (!Step((report.Done - t).TotalMinutes, at => c.ReportIn(liaison, at, department)))
                    {
                        yield break;
                    }
                }
            }
        }

        var resolveMinutes = category.ResolveHours * 60 * Math.Exp(0.6 * Workload.Normal(random)) * speed;
        if (pause is { } p)
        {
            resolveMinutes += (p.End - p.Start).TotalMinutes;
        }

        // The hands-on part of the resolution (a visit, the repair's supervision) takes the claimant's own time.
        if (handler == claimant)
        {
            var handsOn = new Work(grid.Value, claimant, t, Minutes(Math.Min(resolveMinutes, Workload.Exponential(random, 45 * speed))), DeadlineOf(SlaStep.Resolve, t));
            yield return handsOn;
            resolveMinutes = Math.Max(resolveMinutes, (handsOn.Done - t).TotalMinutes);
        }

        if (!Step(resolveMinutes, at => c.Resolve(handler, at, "已处置")))
        {
            yield break;
        }

        var satisfaction = random.NextDouble() switch { < 0.80 => Satisfaction.Satisfied, < 0.93 => Satisfaction.MostlySatisfied, _ => Satisfaction.Unsatisfied };
        if (!Step(Workload.Exponential(random, 20 * 60), at => c.GiveFeedback(worker, at, satisfaction)))
        {
            yield break;
        }

        if (satisfaction == Satisfaction.Unsatisfied
            && (!Step(resolveMinutes / 2, at => c.Resolve(handler, at, "重办完成")) || !Step(Workload.Exponential(random, 10 * 60), at => c.GiveFeedback(worker, at, Satisfaction.MostlySatisfied))))
        {
            yield break;
        }

        Step(5, at => c.Close(worker, at));
    }
}
