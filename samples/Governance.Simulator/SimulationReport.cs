using System.Globalization;
using Governance.Assessment;
using Governance.Cases;
using Governance.DependencyInjection;
using Governance.People;
using Governance.Reports;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rankings;
using Governance.Scoring.Scores;
using Governance.Scoring.Selection;
using Governance.Sla;
using Governance.TimeBank;

internal sealed record StepCompliance(string Step, int Met, int MetLate, int Breached, int Open, double? Compliance);

internal sealed record GroupCompliance(string Name, int Cases, int Met, int LateOrBreached, double? Compliance);

internal sealed record Count(string Name, int Value);

internal sealed record TypicalCaseLine(string Category, string Place, int Cases, string First);

internal sealed record WeeklyLine(string Grid, int Total, int Hotline12345, double? Compliance);

internal sealed record RankedPerson(int Position, string Person, string Name, decimal Total, string? Seat);

internal sealed record GridRates(string Grid, double? Response, double? Resolution, double? Satisfaction, double? Score, int? Rank);

internal sealed record MonthRates(string Month, int Cases, double? Response, double? Resolution, double? Satisfaction, double? Score, double? ScoreChange, IReadOnlyList<GridRates> Grids);

/// <summary>One case as the CSV export writes it (<c>--cases out.csv</c>).</summary>
internal sealed record CaseLine(string Id, string Grid, string Category, string Source, string Registered, string State, string? Closed, string Respond, string Claim, string Resolve, string Feedback, int Escalations, string? Satisfaction);

/// <summary>One quarter's building-head ranking, its 3/3/3 selection and the grid workers' evaluation.</summary>
internal sealed record QuarterResult(string Quarter, IReadOnlyList<RankedPerson> BuildingHeads, IReadOnlyList<RankedPerson> Selected, IReadOnlyList<Count> UnfilledSeats, IReadOnlyList<RankedPerson> GridWorkers);

/// <summary>One week's complaint report (每周投诉分析): the grids with most cases.</summary>
internal sealed record WeekResult(string Week, IReadOnlyList<WeeklyLine> TopGrids);

/// <summary>The cases open at the end of one day (registered by then and not yet closed).</summary>
internal sealed record BacklogPoint(string Date, int Open);

internal sealed record PassbookLine(string Date, string Kind, string Amount, string Balance, string Note);

internal sealed record TimeBankSummary(int Accounts, int Transactions, string Deposited, string Redeemed, string Pool, string PassbookOwner, string Opening, IReadOnlyList<PassbookLine> Passbook, string Closing);

/// <summary>Everything the run reports; plain data so it prints as tables or JSON, the same bytes for the same seed.</summary>
internal sealed record SimulationReport(
    string Policy,
    int Seed,
    string From,
    string To,
    int Grids,
    int Cases,
    int Closed,
    int Escalations,
    int LateOrBreached,
    IReadOnlyList<StepCompliance> Steps,
    IReadOnlyList<GroupCompliance> ByGrid,
    IReadOnlyList<GroupCompliance> ByCategory,
    IReadOnlyList<Count> DepartmentsSummoned,
    IReadOnlyList<TypicalCaseLine> TypicalCases,
    IReadOnlyList<WeekResult> Weeks,
    IReadOnlyList<QuarterResult> Quarters,
    TimeBankSummary TimeBank,
    IReadOnlyList<MonthRates> ThreeRatesByMonth,
    MonthRates ThreeRatesOfPeriod,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<CaseLine> CaseLines,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<BacklogPoint> Backlog)
{
    public static SimulationReport Build(
        SimulationOptions o, District district, List<(Case Case, CaseSla Sla)> cases, List<ScoringFact> headFacts, List<ScoringFact> workerFacts,
        TimeBankLedger ledger, DateTimeZone zone, Instant end, GovernanceScoringOptions scoring)
    {
        var states = cases.Select(c => (c.Case, States: c.Sla.StatesAt(c.Case, end))).ToArray();
        var all = states.SelectMany(s => s.States).ToArray();
        static double? Ratio(int met, int bad) => met + bad == 0 ? null : Math.Round((double)met / (met + bad), 4);
        var steps = Enum.GetValues<SlaStep>().Where(step => all.Any(s => s.Step == step)).Select(step =>
        {
            var x = all.Where(s => s.Step == step).ToArray();
            int met = x.Count(s => s.Status == SlaStatus.Met), late = x.Count(s => s.Status == SlaStatus.MetLate), breached = x.Count(s => s.Status == SlaStatus.Breached);
            return new StepCompliance(step.ToString(), met, late, breached, x.Count(s => s.Status is SlaStatus.Running or SlaStatus.Paused), Ratio(met, late + breached));
        }).ToArray();

        GroupCompliance Group(string name, IEnumerable<(Case Case, IReadOnlyList<SlaStepState> States)> items)
        {
            var list = items.ToArray();
            var s = list.SelectMany(i => i.States).ToArray();
            int met = s.Count(x => x.Status == SlaStatus.Met), bad = s.Count(x => x.Status is SlaStatus.MetLate or SlaStatus.Breached);
            return new GroupCompliance(name, list.Length, met, bad, Ratio(met, bad));
        }

        var byGrid = states.GroupBy(s => s.Case.GridId).OrderBy(g => g.Key).Select(g => Group(g.Key.Value, g)).ToArray();
        var byCategory = states.GroupBy(s => s.Case.Category.DisplayName).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Group(g.Key, g)).ToArray();
        var departments = cases.SelectMany(c => c.Case.Summons).GroupBy(s => s.Department.DisplayName)
            .Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Value).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();

        var typical = new TypicalCaseDetector().Detect(cases.Select(c => c.Case.Registration))
            .OrderByDescending(t => t.Cases.Count).ThenBy(t => t.Place, StringComparer.Ordinal)
            .Select(t => new TypicalCaseLine(t.Category.DisplayName, t.Place, t.Cases.Count, t.First.InZone(zone).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture))).ToArray();

        // Every week of the run (from its first Monday) and every quarter it touches.
        var firstMonday = Enumerable.Range(0, 7).Select(i => o.From.PlusDays(i)).First(d => d.DayOfWeek == IsoDayOfWeek.Monday);
        var history = states.Select(s => (s.Case.Registration, s.States)).ToArray();
        var weeks = new List<WeekResult>();
        for (var monday = firstMonday; monday.PlusDays(6) <= o.To; monday = monday.PlusDays(7))
        {
            var weekly = WeeklyComplaintReport.For(monday, zone, district.Organisation, history, top: 5);
            weeks.Add(new WeekResult(
                $"{weekly.Week.Start:uuuu-MM-dd}…{weekly.Week.End:uuuu-MM-dd}",
                weekly.TopGrids.Select(g => new WeeklyLine(g.Grid!.Value.Value, g.Total, g.Hotline12345, g.Compliance is { } c ? Math.Round(c, 4) : null)).ToArray()));
        }

        // Grid workers' facts from the cases' SLA, feedback and complaints, and their visits; scored per quarter.
        var caseFacts = states.SelectMany(s => CaseFacts.From(s.Case, s.States, zone, district.WorkerOf[s.Case.GridId]))
            .Select(f => new ScoringFact(f.Id, f.Person, f.Date, f.Kind, f.Quantity, Note: f.Source)).Concat(workerFacts).ToArray();
        var quarters = new List<QuarterResult>();
        for (var quarter = ScoringPeriod.Quarter(o.From.Year, ((o.From.Month - 1) / 3) + 1); quarter.Dates.Start <= o.To;
             quarter = ScoringPeriod.Quarter(quarter.Dates.End.PlusDays(1).Year, ((quarter.Dates.End.PlusDays(1).Month - 1) / 3) + 1))
        {
            var heads = Scorer.Score(scoring.BuildingHeadRules, Role.BuildingHead, headFacts, quarter, district.BuildingHeads.Select(h => h.Id));
            var headRanking = Ranking.Rank(heads);
            var selection = ExcellenceSelection.Select(headRanking.Select(r => r.Score.Person).ToArray(), SelectionQuota.BuildingHeadQuarterly, p => district.Organisation.Person(p).Attributes);
            var seats = selection.Selected.ToDictionary(x => x.Person, x => x.Quota);
            RankedPerson Ranked(RankedScore r) => new(r.Position, r.Score.Person.Value, district.Organisation.Person(r.Score.Person).Name, r.Score.Total, seats.GetValueOrDefault(r.Score.Person));
            var workers = Scorer.Score(scoring.GridWorkerRules, Role.GridWorker, caseFacts, quarter, district.WorkersOf.Values.SelectMany(w => w).Distinct());
            var workerRanking = Ranking.Rank(workers.Where(w => district.Organisation.Person(w.Person).Roles.Contains(Role.GridWorker)));
            quarters.Add(new QuarterResult(
                quarter.ToString(), headRanking.Take(12).Select(Ranked).ToArray(), headRanking.Where(r => seats.ContainsKey(r.Score.Person)).Select(Ranked).ToArray(),
                selection.Unfilled.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new Count(u.Key, u.Value)).ToArray(),
                workerRanking.Take(15).Select(r => new RankedPerson(r.Position, r.Score.Person.Value, district.Organisation.Person(r.Score.Person).Name, r.Score.Total, null)).ToArray()));
        }

        // The three rates (三率) per month, each against the month before.
        var assessed = states.Select(s => AssessedCase.From(s.Case, s.States, zone)).ToArray();
        var months = new List<MonthRates>();
        ThreeRatesReport? previous = null;
        static double? R(double? x) => x is { } v ? Math.Round(v, 4) : null;
        MonthRates Rates(string name, ThreeRatesReport rates) => new(
            name, rates.District.Response.Denominator,
            R(rates.District.Response.Value), R(rates.District.Resolution.Value), R(rates.District.Satisfaction.Value), R(rates.District.Score / 100), R(rates.District.ScoreChange / 100),
            rates.Grids.Select(g => new GridRates(g.UnitId, R(g.Response.Value), R(g.Resolution.Value), R(g.Satisfaction.Value), R(g.Score / 100), g.Rank)).ToArray());
        for (var month = new LocalDate(o.From.Year, o.From.Month, 1); month <= o.To; month = month.PlusMonths(1))
        {
            var days = new DateInterval(month, month.PlusMonths(1).PlusDays(-1));
            var rates = ThreeRates.Assess(assessed, days, district.Organisation, previous: previous);
            months.Add(Rates(month.ToString("uuuu-MM", CultureInfo.InvariantCulture), rates));
            previous = rates;
        }

        var period = Rates($"{o.From:uuuu-MM-dd}..{o.To:uuuu-MM-dd}", ThreeRates.Assess(assessed, new DateInterval(o.From, o.To), district.Organisation));

        static string Status(IReadOnlyList<SlaStepState> x, SlaStep step) => x.FirstOrDefault(s => s.Step == step)?.Status.ToString() ?? "";
        string Local(Instant i) => i.InZone(zone).ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var lines = states.Select(s => new CaseLine(
            s.Case.Id.Value, s.Case.GridId.Value, s.Case.Category.Code, s.Case.Source.Code, Local(s.Case.RegisteredAt), s.Case.State.ToString(),
            s.Case.State == CaseState.Closed ? Local(s.Case.LastActivityAt) : null,
            Status(s.States, SlaStep.Respond), Status(s.States, SlaStep.Claim), Status(s.States, SlaStep.Resolve), Status(s.States, SlaStep.Feedback),
            s.Case.EscalationCount, s.Case.Satisfaction?.ToString())).ToArray();

        // The backlog at the end of each day: registered by then, not closed by then.
        var backlog = new List<BacklogPoint>();
        var opened = cases.Select(c => c.Case.RegisteredAt).Order().ToArray();
        var closedAt = cases.Where(c => c.Case.State == CaseState.Closed).Select(c => c.Case.LastActivityAt).Order().ToArray();
        for (var day = o.From; day <= o.To; day = day.PlusDays(1))
        {
            var endOfDay = day.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            backlog.Add(new BacklogPoint(day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), CountBefore(opened, endOfDay) - CountBefore(closedAt, endOfDay)));
        }

        // Time bank.
        var balances = ledger.Accounts.Select(a => (a, b: ledger.BalanceOf(a.Id))).ToArray();
        var transactions = ledger.Transactions;
        var deposited = transactions.Where(t => t.Kind == TimeBankTransactionKind.Deposit).Sum(t => t.Legs.Sum(l => l.Amount.Minutes));
        var redeemed = transactions.Where(t => t.Kind is TimeBankTransactionKind.Redemption or TimeBankTransactionKind.HoldPosted).Sum(t => t.Legs.Where(l => l.Kind == TimeBankLegKind.Posted).Sum(l => l.Amount.Minutes));
        var owner = district.Elderly[0];
        var statement = ledger.Statement(owner.Id.Value, new DateInterval(o.From, o.To));
        var passbook = statement.Entries.Take(12).Select(e => new PassbookLine(
            e.Timestamp.InZone(zone).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture), e.Transaction.Kind.ToString(),
            (e.Amount.Minutes != 0 ? e.Amount : e.HeldChange).ToString(), e.Balance.ToString(), e.Transaction.Note ?? "")).ToArray();
        var timeBank = new TimeBankSummary(balances.Length, transactions.Count, TimeCredit.FromMinutes(deposited).ToString(), TimeCredit.FromMinutes(redeemed).ToString(),
            ledger.BalanceOf(TimeBankLedger.PoolAccountId).Posted.ToString(), $"{owner.Name} ({owner.Id})", statement.Opening.ToString(), passbook, statement.Closing.ToString());

        return new SimulationReport(
            o.PolicyName, o.Seed, o.From.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), o.To.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), o.Grids,
            cases.Count, cases.Count(c => c.Case.State == CaseState.Closed), cases.Sum(c => c.Case.EscalationCount), all.Count(s => s.Status == SlaStatus.Breached || s.Status == SlaStatus.MetLate),
            steps, byGrid, byCategory, departments, typical.Take(10).ToArray(),
            weeks,
            quarters,
            timeBank,
            months,
            period,
            lines,
            backlog);
    }

    /// <summary>How many of the sorted <paramref name="instants"/> are before <paramref name="bound"/>.</summary>
    private static int CountBefore(Instant[] instants, Instant bound)
    {
        int lo = 0, hi = instants.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (instants[mid] < bound)
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
}
