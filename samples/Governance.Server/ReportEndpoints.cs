using System.Text.Json;
using Governance.Assessment;
using Governance.Cases;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Scoring;
using Governance.EntityFrameworkCore.Storage;
using Governance.People;
using Governance.Reports;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rankings;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;

namespace Governance.Server;

/// <summary>
/// 报表 — the three rates (三率) per grid for a month, the weekly 12345 complaint report, building heads' scores and ranking
/// for a quarter, and the dashboard's summary of them all; facts for the building heads' scores are recorded here too.
/// </summary>
internal static class ReportEndpoints
{
    public static void Map(WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization().WithTags("reports");
        reports.MapGet("/three-rates", ThreeRatesAsync).WithSummary("The three rates per grid for a month (yyyy-MM; default this month).");
        reports.MapGet("/weekly-complaints", WeeklyAsync).WithSummary("The 12345 complaint report for the week holding a day (default today).");
        reports.MapGet("/building-heads", BuildingHeadsAsync).WithSummary("Building heads' scores and ranking for a quarter (default this one).");
        reports.MapGet("/grid-workers", GridWorkersAsync).WithSummary("Grid workers' scores and ranking for a quarter: their cases' SLA, feedback and complaints, and stored facts.");
        app.MapPost("/api/scoring/facts", AddFactsAsync).RequireAuthorization().WithTags("reports").WithSummary("Records scoring facts (the community committee).")
            .Accepts<FactInput[]>("application/json");

        var dashboard = app.MapGet("/api/dashboard", DashboardAsync).WithTags("dashboard").WithSummary("The dashboard's summary.");
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServerOptions>>().Value.AnonymousDashboard)
        {
            dashboard.AllowAnonymous();
        }
        else
        {
            dashboard.RequireAuthorization();
        }
    }

    private static IResult? StaffOnly(HttpContext http, District d) =>
        Access.Caller(http.User, d.Organisation) is { } caller && Access.IsStaff(caller) ? null : Problems.Forbidden("Reports are for the district's staff.");

    private static async Task<IResult> ThreeRatesAsync(HttpContext http, District d, string? month, CancellationToken ct)
    {
        if (StaffOnly(http, d) is { } refused)
        {
            return refused;
        }

        if (!TryMonth(month, d, out var first))
        {
            return Problems.Invalid($"month is yyyy-MM, not '{month}'.");
        }

        return TypedResults.Ok(await RatesAsync(d, first, ct));
    }

    private static async Task<IResult> WeeklyAsync(HttpContext http, District d, string? day, CancellationToken ct)
    {
        if (StaffOnly(http, d) is { } refused)
        {
            return refused;
        }

        var parsed = day is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(day);
        if (parsed is { Success: false } || parsed?.Value.Year is < 2000 or > 2100)
        {
            return Problems.Invalid($"day is yyyy-MM-dd, not '{day}'.");
        }

        return TypedResults.Ok(await WeekAsync(d, parsed?.Value ?? d.Now.InZone(d.Zone).Date, ct));
    }

    private static async Task<IResult> BuildingHeadsAsync(HttpContext http, District d, ScoringFactStore<GovernanceDbContext> facts, int? year, int? quarter, CancellationToken ct)
    {
        if (StaffOnly(http, d) is { } refused)
        {
            return refused;
        }

        return Quarter(d, year, quarter) is { } period
            ? TypedResults.Ok(await RankingAsync(d, facts, period, ct))
            : Problems.Invalid("year is 2000–2100 and quarter 1–4.");
    }

    private static async Task<IResult> GridWorkersAsync(HttpContext http, District d, ScoringFactStore<GovernanceDbContext> store, int? year, int? quarter, CancellationToken ct)
    {
        if (StaffOnly(http, d) is { } refused)
        {
            return refused;
        }

        if (Quarter(d, year, quarter) is not { } period)
        {
            return Problems.Invalid("year is 2000–2100 and quarter 1–4.");
        }

        var workers = d.Organisation.People.Where(p => p.HasRole(Role.GridWorker)).Select(p => p.Id).ToArray();
        var cases = await RegisteredAsync(d, period.Dates.Start, period.Dates.End, ct);

        // Each case's outcomes count for the grid's first grid worker, the one answerable for the grid (网格员负责制).
        var caseFacts = cases.SelectMany(c => d.Organisation.PeopleOf(c.GridId, Role.GridWorker).Select(p => p.Id).Take(1)
                .SelectMany(worker => CaseFacts.From(c, d.StepsNow(c), d.Zone, worker)))
            .Select(f => new ScoringFact(f.Id, f.Person, f.Date, f.Kind, f.Quantity, Note: f.Source));
        var facts = caseFacts.Concat(await store.ListAsync(period.Dates, workers, ct));
        var scores = Scorer.Score(RuleSet.GridWorkerDefaults, Role.GridWorker, facts, period, workers);
        return TypedResults.Ok(Lines(d, Ranking.Rank(scores)));
    }

    /// <summary>The quarter asked for (this one where left out), or null when out of range.</summary>
    private static ScoringPeriod? Quarter(District d, int? year, int? quarter)
    {
        var today = d.Now.InZone(d.Zone).Date;
        return year is < 2000 or > 2100 || quarter is < 1 or > 4
            ? null
            : ScoringPeriod.Quarter(year ?? today.Year, quarter ?? ((today.Month - 1) / 3) + 1);
    }

    private static RankLine[] Lines(District d, IEnumerable<RankedScore> ranked) =>
        ranked.Select(r => new RankLine(r.Position, r.Score.Person.Value, d.Organisation.Person(r.Score.Person).Name, r.Score.Total)).ToArray();

    private static async Task<IResult> AddFactsAsync(HttpContext http, District d, ScoringFactStore<GovernanceDbContext> store, CancellationToken ct)
    {
        if (Access.Caller(http.User, d.Organisation) is not { } caller || !caller.HasRole(Role.CommunityCommittee))
        {
            return Problems.Forbidden("Scoring facts are recorded by the community committee.");
        }

        var (body, error) = await Access.ReadJsonAsync(http.Request, d.Options.MaxBodyBytes, "[]", ct);
        if (error is not null)
        {
            return error;
        }

        try
        {
            var facts = body.Deserialize<FactInput[]>(Governance.Json.GovernanceJson.Options);
            if (facts is null || facts.Length is 0 or > 1000)
            {
                return Problems.Invalid("Expected an array of 1 to 1,000 facts.");
            }

            await store.AddAsync(facts.Select(f => new ScoringFact(f.Id, f.Person, f.Date, f.Kind, f.Quantity, caller.Id, f.Note)).ToArray(), ct);
            return TypedResults.NoContent();
        }
        catch (Exception e) when (e is GovernanceException or ArgumentException or System.Text.Json.JsonException or NotSupportedException)
        {
            return Problems.From(e);
        }
    }

    private static async Task<IResult> DashboardAsync(District d, ScoringFactStore<GovernanceDbContext> facts, DashboardSummaries summaries, CancellationToken ct)
    {
        var now = d.Now;
        var today = now.InZone(d.Zone).Date;
        var open = await d.Cases.LoadManyAsync(new CaseSearch(open: true, take: 200), ct);
        var cases = open.Select(c =>
        {
            var next = d.StepsNow(c).Where(s => s.CompletedAt is null && s.Status != Governance.Sla.SlaStatus.Cancelled).MinBy(s => s.Deadline);
            return new DashboardCase(c.Id.Value, d.Organisation.Grid(c.GridId).Name, c.Category.DisplayName, CaseDisplayNames.Of(c.State), c.State.ToString(),
                next is null ? null : CaseDisplayNames.Of(next.Step), next?.Deadline, next is null ? null : (long)(next.Deadline - now).TotalSeconds);
        }).OrderBy(c => c.Deadline ?? Instant.MaxValue).ToArray();
        var aggregates = await summaries.GetAsync(now, today, async token => new DashboardAggregates(
            await RatesAsync(d, new LocalDate(today.Year, today.Month, 1), token), await WeekAsync(d, today, token),
            await RankingAsync(d, facts, Quarter(d, null, null)!, token)), ct);
        return TypedResults.Ok(new Dashboard(
            now, cases, (await CaseEndpoints.DueRowsAsync(d, now + Duration.FromHours(4), ct)).Select(r => r with { Grid = d.Organisation.Grid(r.Grid).Name }).ToArray(),
            aggregates.Rates, aggregates.Week, aggregates.BuildingHeads));
    }

    private static async Task<IReadOnlyList<Case>> RegisteredAsync(District d, LocalDate first, LocalDate last, CancellationToken ct)
    {
        var from = first.AtStartOfDayInZone(d.Zone).ToInstant();
        var before = last.PlusDays(1).AtStartOfDayInZone(d.Zone).ToInstant();
        var all = new List<Case>();
        for (var skip = 0; ; skip += 1000)
        {
            var page = await d.Cases.LoadManyAsync(new CaseSearch(registeredFrom: from, registeredBefore: before, skip: skip, take: 1000), ct);
            all.AddRange(page);
            if (page.Count < 1000)
            {
                return all;
            }
        }
    }

    private static async Task<RatesView> RatesAsync(District d, LocalDate first, CancellationToken ct)
    {
        var days = new DateInterval(first, first.PlusMonths(1).PlusDays(-1));
        var cases = await RegisteredAsync(d, days.Start, days.End, ct);
        var assessed = cases.Select(c => AssessedCase.From(c, d.StepsNow(c), d.Zone)).ToArray();
        var report = ThreeRates.Assess(assessed, days, d.Organisation);
        static RateLine Line(UnitAssessment u) => new(u.UnitId, u.Name, u.Response.Value, u.Resolution.Value, u.Satisfaction.Value, u.Score, u.Rank);
        return new RatesView(first.ToString("uuuu-MM", null), Line(report.District), report.Grids.Select(Line).ToArray());
    }

    private static async Task<WeekView> WeekAsync(District d, LocalDate day, CancellationToken ct)
    {
        var monday = day.PlusDays(-((int)day.DayOfWeek - 1));
        var cases = await RegisteredAsync(d, monday, monday.PlusDays(6), ct);
        var report = WeeklyComplaintReport.For(day, d.Zone, d.Organisation, cases.Select(c => (c.Registration, d.StepsNow(c))), top: 5);
        return new WeekView(report.Week.Start, report.Week.End,
            report.TopGrids.Select(g => new WeekLine(g.Grid?.Value ?? "", g.Grid is { } id ? d.Organisation.Grid(id).Name : "", g.Total,
                g.BySource.GetValueOrDefault(CaseSource.Hotline12345.Code), g.Compliance)).ToArray());
    }

    private static async Task<IReadOnlyList<RankLine>> RankingAsync(District d, ScoringFactStore<GovernanceDbContext> store, ScoringPeriod quarter, CancellationToken ct)
    {
        var heads = d.Organisation.People.Where(p => p.HasRole(Role.BuildingHead)).Select(p => p.Id).ToArray();
        var facts = await store.ListAsync(quarter.Dates, heads, ct);
        var scores = Scorer.Score(RuleSet.BuildingHeadDefaults, Role.BuildingHead, facts, quarter, heads);
        return Lines(d, Ranking.Rank(scores).Take(10));
    }

    private static bool TryMonth(string? month, District d, out LocalDate first)
    {
        if (month is null)
        {
            var today = d.Now.InZone(d.Zone).Date;
            first = new LocalDate(today.Year, today.Month, 1);
            return true;
        }

        var parsed = NodaTime.Text.YearMonthPattern.Iso.Parse(month);
        first = parsed.Success && parsed.Value.Year is >= 2000 and <= 2100 ? parsed.Value.OnDayOfMonth(1) : default;
        return parsed.Success && first != default;
    }
}

internal sealed record FactInput(string Id, string Person, LocalDate Date, string Kind, decimal Quantity = 1, string? Note = null);

internal sealed record RateLine(string Unit, string Name, double? Response, double? Resolution, double? Satisfaction, double? Score, int? Rank);

internal sealed record RatesView(string Month, RateLine District, IReadOnlyList<RateLine> Grids);

internal sealed record WeekLine(string Grid, string Name, int Total, int Hotline12345, double? Compliance);

internal sealed record WeekView(LocalDate From, LocalDate To, IReadOnlyList<WeekLine> TopGrids);

internal sealed record RankLine(int Position, string Person, string Name, decimal Total);

internal sealed record DashboardCase(string Id, string Grid, string Category, string StateName, string State, string? Step, Instant? Deadline, long? RemainingSeconds);

internal sealed record Dashboard(Instant Now, IReadOnlyList<DashboardCase> Open, IReadOnlyList<DueView> Due, RatesView Rates, WeekView Week, IReadOnlyList<RankLine> BuildingHeads);
