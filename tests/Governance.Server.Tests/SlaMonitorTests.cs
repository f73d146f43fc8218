using Governance.EntityFrameworkCore.Cases;
using Governance.EntityFrameworkCore.Storage;
using Governance.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Server.Tests;

/// <summary>The SLA monitor publishes each threshold exactly once, across two instances on one PostgreSQL and a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SlaMonitorTests(Governance.Testing.PostgresServer postgres)
{
    [Fact]
    public async Task Two_instances_and_a_restart_publish_each_threshold_once()
    {
        await using var a = ServerFactory.Postgres(postgres.NewDatabase());
        await using var b = a.Twin();
        var ids = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            ids.Add(await Api.ReportAsync(a.As($"C1-R{i}"), building: $"C1-B{i}"));
        }

        await Api.OkAsync(await Api.CommandAsync(b.As("C1-GW1"), ids[0], "respond"));   // the first case's respond step is met
        var published = new List<SlaThresholdReached>();
        foreach (var minutes in new[] { 20, 11, 15, 15, 0 })
        {
            a.Clock.Advance(Duration.FromMinutes(minutes));
            var passes = await Task.WhenAll(Monitor(a).RunOnceAsync(default), Monitor(b).RunOnceAsync(default), Monitor(a).RunOnceAsync(default));
            published.AddRange(passes.SelectMany(p => p));

            // Each case was marked checked until its next threshold: a pass at the same instant evaluates none of them.
            await Monitor(b).RunOnceAsync(default);
            Assert.Equal(0, Monitor(b).LastPassEvaluated);
        }

        // A change makes a case due at once; the others stay unevaluated until their next threshold.
        await Api.OkAsync(await Api.CommandAsync(b.As("C1-GW2"), ids[1], "respond"));
        Assert.Empty(await Monitor(a).RunOnceAsync(default));
        Assert.Equal(1, Monitor(a).LastPassEvaluated);

        // Restarted: a new instance on the same database publishes nothing already published.
        await using (var restarted = a.Twin())
        {
            published.AddRange(await Monitor(restarted).RunOnceAsync(default));
        }

        var keys = published.Select(e => (e.CaseId.Value, e.Step, e.Cycle, e.Percent)).ToArray();
        Assert.Equal(keys.Length, keys.Distinct().Count());
        // Cases 2–4 crossed 50 % and 75 % of the respond hour and breached it (61 minutes in); case 1 was responded and its
        // claim hour (from 0 minutes) crossed 50 % and 75 % and breached too.
        foreach (var id in ids.Skip(1))
        {
            Assert.Equal([50, 75, 100], keys.Where(k => k.Item1 == id && k.Step == SlaStep.Respond).Select(k => k.Percent).Order().ToArray());
        }

        Assert.Equal([50, 75, 100], keys.Where(k => k.Item1 == ids[0] && k.Step == SlaStep.Claim).Select(k => k.Percent).Order().ToArray());
        Assert.DoesNotContain(keys, k => k.Item1 == ids[0] && k.Step == SlaStep.Respond);
    }

    [Fact]
    public async Task A_case_that_cannot_be_evaluated_is_logged_and_stays_due_and_the_others_are_still_checked()
    {
        await using var server = ServerFactory.Postgres(postgres.NewDatabase());
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add(await Api.ReportAsync(server.As($"C1-R{i}"), building: $"C1-B{i}"));
        }

        // The first case in the monitor's order has a registration this host cannot read.
        server.Clock.Advance(Duration.FromMinutes(31));
        var cases = server.Services.GetRequiredService<District>().Cases;
        var broken = (await cases.ListAsync(new CasesDueForSlaCheck(server.Clock.GetCurrentInstant()))).First().Id;
        await using (var db = await server.Services.GetRequiredService<IDbContextFactory<GovernanceDbContext>>().CreateDbContextAsync())
        {
            await db.Cases.Where(c => c.Id == broken).ExecuteUpdateAsync(s => s.SetProperty(c => c.Registration, "{}"));
        }

        var published = await Monitor(server).RunOnceAsync(default);
        Assert.Equal(2, Monitor(server).LastPassEvaluated);
        Assert.Equal(ids.Where(id => id != broken).Order(), published.Select(e => e.CaseId.Value).Distinct().Order());
        Assert.Contains(broken, (await cases.ListAsync(new CasesDueForSlaCheck(server.Clock.GetCurrentInstant()))).Select(r => r.Id));
    }

    private static SlaMonitor Monitor(ServerFactory server) => server.Services.GetRequiredService<SlaMonitor>();
}
