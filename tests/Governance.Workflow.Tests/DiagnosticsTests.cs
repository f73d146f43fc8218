using System.Diagnostics.Metrics;
using Governance.Cases;
using Governance.Diagnostics;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests;

/// <summary>The workflow's meter counts registrations and commands accepted and refused by reason; nothing listens, nothing is paid.</summary>
public class DiagnosticsTests
{
    [Fact]
    public void Commands_accepted_and_refused_are_counted_by_trigger_and_reason()
    {
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkflowTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Where(t => t.Key is "trigger" or "reason").Select(t => $"|{t.Value}"));
            lock (counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + value;
            }
        });
        listener.Start();

        var workflow = new CaseWorkflow(JiuLong());
        var t0 = Instant.FromUtc(2026, 3, 2, 1, 0);
        var c = workflow.Register(new CaseRegistration("diag-1", CaseSource.ResidentReport, CaseCategory.Parking, new CaseLocation(Grid(1)), "乱停车", t0));
        c.Respond(GridWorker(1), t0 + Duration.FromMinutes(5));
        Assert.Throws<CaseCommandRejectedException>(() => c.Resolve(GridWorker(1), t0 + Duration.FromMinutes(6)));   // not permitted now
        Assert.Throws<CaseCommandRejectedException>(() => c.Claim(GridWorker(2), t0 + Duration.FromMinutes(6)));     // not authorized
        Assert.Throws<CaseCommandRejectedException>(() => c.Claim(GridWorker(1), t0));                               // out of order

        Assert.True(counts.GetValueOrDefault("governance.workflow.commands.accepted|Respond") >= 1);   // other tests may run at the same time
        Assert.True(counts.GetValueOrDefault("governance.workflow.commands.refused|Resolve|NotPermitted") >= 1);   // other tests may run at the same time
        Assert.True(counts.GetValueOrDefault("governance.workflow.commands.refused|Claim|NotAuthorized") >= 1);   // other tests may run at the same time
        Assert.True(counts.GetValueOrDefault("governance.workflow.commands.refused|Claim|OutOfOrder") >= 1);   // other tests may run at the same time
        Assert.True(counts.GetValueOrDefault("governance.workflow.cases.registered") >= 1);
    }
}
