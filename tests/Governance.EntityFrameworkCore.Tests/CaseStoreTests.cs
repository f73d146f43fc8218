using Governance.Testing;
using Interval = NodaTime.Interval;
using System.Text.Json;
using Governance.Cases;
using Governance.Calendars;
using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Sla;
using Governance.EntityFrameworkCore.Storage;
using Governance.Json;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Storage;

/// <summary>The case store on SQLite: append-only histories with optimistic concurrency, restore, and specification queries in SQL.</summary>
public abstract class CaseStoreTests
{
    protected abstract ITestDatabase CreateDatabase();

    private static readonly CaseWorkflow Workflow = new(JiuLong(), slaPolicies: SlaPolicySet.Default);
    private static readonly SlaEngine Sla = new(SlaPolicySet.Default, new DeadlineCalculator(ChinaCalendar.Mainland, ChinaCalendar.TimeZone));
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static string Json(Case c) => JsonSerializer.Serialize(new { c.Registration, c.History, c.State, c.Version, c.Priority, c.SlaPolicy }, GovernanceJson.Options);

    private static Case NewCase(string id, int grid = 1, CaseCategory? category = null, Instant? at = null) => Workflow.Register(
        new CaseRegistration(id, CaseSource.ResidentReport, category ?? CaseCategory.LeakingPipe, new CaseLocation(Grid(grid)), "漏水", at ?? T0));

    [Fact]
    public async Task A_case_stored_and_appended_to_loads_back_as_it_was()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var c = NewCase("E1");
        c.Respond(GridWorker(1), T0 + Duration.FromMinutes(10));
        await store.AddAsync(c);
        var v = c.Version;
        c.Claim(GridWorker(1), T0 + Duration.FromMinutes(20));
        c.Pause(GridWorker(1), T0 + Duration.FromHours(1), "等待入户");
        await store.AppendAsync(c, v);

        var loaded = await store.LoadAsync("E1");
        Assert.NotNull(loaded);
        Assert.Equal(Json(c), Json(loaded));
        Assert.Empty(loaded.DomainEvents);
        Assert.Null(await store.LoadAsync("E404"));
    }

    [Fact]
    public async Task Two_writers_appending_to_the_same_case_cannot_both_succeed_and_the_loser_can_reload_and_retry()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        await store.AddAsync(NewCase("E1"));

        var first = (await store.LoadAsync("E1"))!;
        var second = (await store.LoadAsync("E1"))!;
        first.Respond(GridWorker(1), T0 + Duration.FromMinutes(5));
        second.Respond(GridLeader(1), T0 + Duration.FromMinutes(6));
        await store.AppendAsync(first, 0);
        var e = await Assert.ThrowsAsync<CaseConcurrencyException>(() => store.AppendAsync(second, 0));
        Assert.Equal((new Id<Case>("E1"), 0, (int?)1), (e.CaseId, e.ExpectedVersion, e.ActualVersion));

        var again = (await store.LoadAsync("E1"))!;
        Assert.Equal(GridWorker(1), again.History.Single().Actor);
        again.Claim(GridLeader(1), T0 + Duration.FromMinutes(7));
        await store.AppendAsync(again, 1);
        Assert.Equal(2, (await store.LoadAsync("E1"))!.Version);
        await Assert.ThrowsAsync<CaseConcurrencyException>(() => store.AddAsync(NewCase("E1")));
    }

    [Fact]
    public async Task Concurrent_appends_from_many_threads_store_each_acknowledged_entry_once()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        await store.AddAsync(NewCase("E1"));
        var acknowledged = 0;
        var conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async w =>
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var c = (await store.LoadAsync("E1"))!;
                var v = c.Version;
                var trigger = c.IsPaused ? (CaseCommand)new ResumeCommand(GridWorker(1), T0 + Duration.FromMinutes(v + 1)) : new PauseCommand(GridWorker(1), T0 + Duration.FromMinutes(v + 1), $"writer {w}");
                c.Execute(trigger);
                try
                {
                    await store.AppendAsync(c, v);
                    Interlocked.Increment(ref acknowledged);
                }
                catch (CaseConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }));

        var final = (await store.LoadAsync("E1"))!;
        Assert.Equal(acknowledged, final.Version);
        Assert.Equal(160, acknowledged + conflicts);
        Assert.True(acknowledged > 0);
    }

    /// <summary>
    /// Appends that overlap are written together: 60 at once, two stale copies of each of 20 cases and one of each of 20
    /// more, so that the groups mix appends that succeed with appends that lose their race. Each case keeps exactly one;
    /// the other copy's caller (only it) hears of the conflict with both versions, and every case with one copy keeps it.
    /// </summary>
    [Fact]
    public async Task Overlapping_appends_are_committed_together_and_a_conflict_fails_only_its_own_caller()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var ids = Enumerable.Range(1, 20).SelectMany(i => new[] { $"G{i}", $"H{i}" }).ToArray();
        foreach (var id in ids)
        {
            var c = NewCase(id);
            c.Respond(GridWorker(1), T0 + Duration.FromMinutes(5));
            await store.AddAsync(c);
        }

        var copies = new List<(string Id, Case Case, string Note)>();
        foreach (var id in ids)
        {
            for (var k = 0; k < (id[0] == 'G' ? 2 : 1); k++)
            {
                var c = (await store.LoadAsync(id))!;
                var note = $"{id}-{k}";
                c.Pause(GridWorker(1), T0 + Duration.FromMinutes(10), note);
                copies.Add((id, c, note));
            }
        }

        var outcomes = await Task.WhenAll(copies.Select(async copy =>
        {
            await Task.Yield();
            try
            {
                await store.AppendAsync(copy.Case, 1);
                return (copy.Id, copy.Note, Conflict: (CaseConcurrencyException?)null);
            }
            catch (CaseConcurrencyException e)
            {
                return (copy.Id, copy.Note, Conflict: e);
            }
        }));

        foreach (var id in ids)
        {
            var mine = outcomes.Where(o => o.Id == id).ToList();
            var won = Assert.Single(mine, o => o.Conflict is null);
            if (id[0] == 'G')
            {
                var lost = Assert.Single(mine, o => o.Conflict is not null).Conflict!;
                Assert.Equal((new Id<Case>(id), 1, (int?)2), (lost.CaseId, lost.ExpectedVersion, lost.ActualVersion));
            }

            var stored = (await store.LoadAsync(id))!;
            Assert.Equal(2, stored.Version);
            Assert.Equal(won.Note, ((PauseCommand)stored.History[^1].Command).Reason);
        }
    }

    [Fact]
    public async Task A_corrupt_history_row_is_refused_naming_its_entry()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var c = NewCase("E1");
        c.Respond(GridWorker(1), T0 + Duration.FromMinutes(5));
        c.Claim(GridWorker(1), T0 + Duration.FromMinutes(6));
        await store.AddAsync(c);
        await using (var db = new GovernanceDbContext(database.Options))
        {
            await db.CaseHistory.Where(h => h.CaseId == "E1" && h.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(h => h.Entry, h => h.Entry.Replace("\"to\":\"Claimed\"", "\"to\":\"Closed\"")));
        }

        var e = await Assert.ThrowsAsync<CaseHistoryCorruptException>(() => store.LoadAsync("E1"));
        Assert.Equal(2, e.Sequence);
    }

    [Fact]
    public async Task The_districts_questions_are_specifications_answered_in_SQL_ordered_and_paged()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        for (var i = 0; i < 12; i++)
        {
            var c = NewCase($"E{i:00}", grid: i % 2 == 0 ? 1 : 2, category: i % 3 == 0 ? CaseCategory.CookingFumes : CaseCategory.LeakingPipe, at: T0 + Duration.FromHours(i));
            if (i % 4 == 0)
            {
                c.Reject(GridLeader(1), c.RegisteredAt + Duration.FromMinutes(1), RejectionKind.Invalid, "无此问题");
            }

            await store.AddAsync(c);
        }

        database.Sql.Clear();
        var open = await store.ListAsync(new OpenCasesOfGrid(Grid(1), skip: 1, take: 2));
        Assert.Equal(["E06", "E10"], open.Select(r => r.Id)); // grid 1 has E00–E10 even; E00, E04, E08 are rejected; E02 is skipped
        var sql = string.Join("\n", database.Sql);
        Assert.Contains("WHERE", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);

        // Respond is due one hour after registration: by T0 + 3h, the open cases registered by T0 + 2h are due (E00 is rejected).
        var due = await store.ListAsync(new CasesDueBy(T0 + Duration.FromHours(3)));
        Assert.Equal(["E01", "E02"], due.Select(r => r.Id));
        Assert.All(due, r => Assert.Equal(r.RegisteredAt + Duration.FromHours(1), r.NextDeadline));

        // Responding moves E01's next deadline on to the claim, an hour after the response; closing takes it off the list.
        var e01 = (await store.LoadAsync("E01"))!;
        e01.Respond(GridWorker(2), T0 + Duration.FromHours(1) + Duration.FromMinutes(30));
        await store.AppendAsync(e01, 0);
        Assert.Equal(T0 + Duration.FromHours(2) + Duration.FromMinutes(30), (await store.ListAsync(new OpenCasesOfGrid(Grid(2)))).Single(r => r.Id == "E01").NextDeadline);
        e01.OverrideClose(Supervisor, T0 + Duration.FromHours(2), "督导办结");
        await store.AppendAsync(e01, 1);
        Assert.DoesNotContain("E01", (await store.ListAsync(new CasesDueBy(T0 + Duration.FromDays(10)))).Select(r => r.Id));
        Assert.Null((await store.ListAsync(new CasesOfCategoryInPeriod(CaseCategory.LeakingPipe, new Interval(T0, T0 + Duration.FromHours(2))))).Single(r => r.Id == "E01").NextDeadline);

        var fumes = await store.ListAsync(new CasesOfCategoryInPeriod(CaseCategory.CookingFumes, new Interval(T0, T0 + Duration.FromHours(10))));
        Assert.Equal(["E00", "E03", "E06", "E09"], fumes.Select(r => r.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenCasesOfGrid(Grid(1), take: 0));
    }

    [Fact]
    public async Task An_SLA_check_is_due_when_a_case_changes_or_its_next_threshold_falls_and_not_otherwise()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        for (var i = 0; i < 5; i++)
        {
            await store.AddAsync(NewCase($"E{i}", at: T0 + Duration.FromMinutes(i)));
        }

        async Task<string[]> DueAsync(Instant now, int take = 100)
        {
            // Every page, keyset after the last id of the one before, as a monitor reads them.
            var ids = new List<string>();
            for (string? after = null; ;)
            {
                var page = await store.ListAsync(new CasesDueForSlaCheck(now, after, take));
                ids.AddRange(page.Select(r => r.Id));
                if (page.Count < take)
                {
                    return [.. ids];
                }

                after = page[^1].Id;
            }
        }

        // Registered: each is due at its registration, so a pass at T0 + 2 min sees E0–E2, in id order, two to a page.
        Assert.Equal(["E0", "E1", "E2"], await DueAsync(T0 + Duration.FromMinutes(2), take: 2));

        // Checked with its next threshold: not due until then.
        var sla = Sla.Track((await store.LoadAsync("E1"))!);
        var next = sla.Evaluate((await store.LoadAsync("E1"))!, T0 + Duration.FromMinutes(2)).NextThresholdAt;
        Assert.NotNull(next);
        Assert.True(await store.MarkSlaCheckedAsync("E1", 0, next));
        Assert.Equal(["E0", "E2"], await DueAsync(T0 + Duration.FromMinutes(2)));
        Assert.Equal(["E0", "E1", "E2", "E3", "E4"], await DueAsync(next.Value));
        Assert.Equal(next, (await store.ListAsync(new CasesDueForSlaCheck(next.Value))).Single(r => r.Id == "E1").SlaCheckAt);

        // Nothing left to report: not due at all, until it changes.
        Assert.True(await store.MarkSlaCheckedAsync("E2", 0, null));
        Assert.DoesNotContain("E2", await DueAsync(T0 + Duration.FromDays(30)));

        // A mark for a version the case no longer has is not written: the case changed, so it stays due.
        var e2 = (await store.LoadAsync("E2"))!;
        e2.Respond(GridWorker(1), T0 + Duration.FromMinutes(5));
        await store.AppendAsync(e2, 0);
        Assert.False(await store.MarkSlaCheckedAsync("E2", 0, T0 + Duration.FromDays(1)));
        Assert.Contains("E2", await DueAsync(T0 + Duration.FromMinutes(5)));
        Assert.False(await store.MarkSlaCheckedAsync("E404", 0, null));

        // Closed: never due, and a mark does not bring it back.
        e2.OverrideClose(Supervisor, T0 + Duration.FromMinutes(6), "督导办结");
        await store.AppendAsync(e2, 1);
        Assert.False(await store.MarkSlaCheckedAsync("E2", 2, T0));
        Assert.DoesNotContain("E2", await DueAsync(T0 + Duration.FromDays(30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CasesDueForSlaCheck(T0, take: 1001));
    }

    [Fact]
    public async Task An_SLA_check_pass_claims_each_threshold_once_evaluates_only_what_is_due_and_goes_on_past_a_broken_case()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var checks = new SlaChecks<GovernanceDbContext>(store, new SlaPositionStore<GovernanceDbContext>(database.Factory), Sla);
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(NewCase($"E{i}"));
        }

        // 40 minutes in, each case's respond hour has crossed 50 %: claimed once each, by the first pass only.
        var at = T0 + Duration.FromMinutes(40);
        var first = await checks.RunAsync(at);
        Assert.Equal(3, first.Evaluated);
        Assert.Equal(["E0", "E1", "E2"], first.Claimed.Select(e => e.CaseId.Value).Order());
        Assert.All(first.Claimed, e => Assert.Equal((SlaStep.Respond, 50), (e.Step, e.Percent)));
        Assert.Empty(first.Failed);
        var again = await checks.RunAsync(at);
        Assert.Equal((0, 0), (again.Evaluated, again.Claimed.Count));

        // A case that cannot be read is reported and stays due; the others are checked at their next threshold (75 %).
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.Cases.Where(c => c.Id == "E0").ExecuteUpdateAsync(u => u.SetProperty(c => c.Registration, "{}"));
        }

        var later = await checks.RunAsync(T0 + Duration.FromMinutes(46));
        Assert.Equal("E0", Assert.Single(later.Failed).CaseId);
        Assert.Equal(["E1", "E2"], later.Claimed.Select(e => e.CaseId.Value).Order());
        Assert.Equal(2, later.Evaluated);
        Assert.Equal("E0", Assert.Single((await checks.RunAsync(T0 + Duration.FromMinutes(46))).Failed).CaseId);
    }

    [Fact]
    public async Task Case_search_selects_what_the_in_memory_model_selects_and_load_many_restores_each_case()
    {
        using var database = CreateDatabase();
        var store = new CaseStore<GovernanceDbContext>(database.Factory, Workflow, Sla);
        var model = new List<Case>();
        var categories = new[] { CaseCategory.LeakingPipe, CaseCategory.CookingFumes, CaseCategory.Parking };
        for (var i = 0; i < 24; i++)
        {
            var c = NewCase($"S{i:00}", grid: (i % 3) + 1, category: categories[i % 3 == 0 ? 0 : (i % 5) % 3], at: T0 + Duration.FromMinutes(37 * i));
            if (i % 3 == 0 && i % 2 == 1)
            {
                c.Reject(GridLeader(1), c.RegisteredAt + Duration.FromMinutes(1), RejectionKind.Invalid, "无此问题");   // S03, S09, S15, S21 on grid 1
            }

            await store.AddAsync(c);
            model.Add(c);
        }

        var filters =
            from open in Gen.Elements<bool?>(null, true, false)
            from category in Gen.Elements<string?>(null, "leaking-pipe", "cooking-fumes", "parking", "none")
            from grid in Gen.Elements<int?>(null, 1, 2, 3)
            from first in Gen.Elements<int?>(null, 0, 100, 400)
            from length in Gen.Elements<int?>(null, 0, 60, 300, 2000)
            from skip in Gen.Choose(0, 5)
            from take in Gen.Choose(1, 30)
            select (open, category, grid, first, length, skip, take);
        Prop.ForAll(filters.ToArbitrary(), f =>
        {
            Instant? start = f.first is { } m ? T0 + Duration.FromMinutes(m) : null;
            Instant? before = f.length is { } l ? (start ?? T0) + Duration.FromMinutes(l) : null;
            var spec = new CaseSearch(f.open, f.category, f.grid is { } g ? Grid(g) : (Id<Governance.Organisation.Grid>?)null, start, before, f.skip, f.take);
            var expected = model
                .Where(c => f.open is not { } o || o != c.IsTerminal)
                .Where(c => f.category is null || c.Category.Code == f.category)
                .Where(c => f.grid is null || c.GridId == Grid(f.grid.Value))
                .Where(c => start is null || c.RegisteredAt >= start)
                .Where(c => before is null || c.RegisteredAt < before)
                .OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Id.Value, StringComparer.Ordinal)
                .Skip(f.skip).Take(f.take).Select(c => c.Id.Value).ToArray();
            var rows = store.ListAsync(spec).GetAwaiter().GetResult();
            var cases = store.LoadManyAsync(spec).GetAwaiter().GetResult();
            return expected.SequenceEqual(rows.Select(r => r.Id))
                && expected.SequenceEqual(cases.Select(c => c.Id.Value))
                && cases.All(c => Json(c) == Json(model.Single(m => m.Id == c.Id)) && c.DomainEvents.Count == 0);
        }).QuickCheckThrowOnFailure();

        foreach (var c in model.Take(5))
        {
            Assert.Equal(c.Version, await store.VersionAsync(c.Id));
        }

        Assert.Null(await store.VersionAsync("S404"));
        Assert.Throws<ArgumentException>(() => new CaseSearch(registeredFrom: T0 + Duration.FromHours(1), registeredBefore: T0));
    }
}

/// <summary>On SQLite (a temp file, WAL).</summary>
public sealed class SqliteCaseStoreTests : CaseStoreTests
{
    protected override ITestDatabase CreateDatabase() => new SqliteDatabase();
}

/// <summary>On a real PostgreSQL server the tests start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStoreTests(PostgresServer server) : CaseStoreTests
{
    protected override ITestDatabase CreateDatabase() => new PostgresDatabase(server);
}
