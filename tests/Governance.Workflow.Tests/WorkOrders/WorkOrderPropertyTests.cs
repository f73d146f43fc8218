using FsCheck.Xunit;
using Governance.Assessment;
using Governance.Calendars;
using Governance.Cases;
using Governance.Sla;
using Governance.Tests.Sla;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.WorkOrders;

/// <summary>The work-order invariants: an approved extension moves the deadline by exactly its length; a return never counts against the unit.</summary>
public class WorkOrderPropertyTests
{
    private static readonly DateTimeZone Shanghai = ChinaCalendar.TimeZone;
    private static readonly CaseWorkflow Workflow = new(JiuLong());
    private static readonly DeadlineCalculator Calculator = SlaPropertyTests.Calculator;

    private static readonly DateInterval Year = new(new LocalDate(2025, 1, 1), new LocalDate(2027, 12, 31));

    /// <summary>A claimed case, an optional pause before the approval, an approval some minutes after the claim, of some length.</summary>
    public sealed record Extension(int Start, DeadlineGoal Goal, int ClaimAfter, int PauseAfter, int PauseFor, int ApproveAfter, int Minutes, int Twice);

    private static readonly Gen<Extension> Extensions =
        from start in Gen.Choose(0, 400 * 24 * 60)
        from goal in SlaPropertyTests.Goals
        from claim in Gen.Choose(1, 600)
        from pauseAfter in Gen.Frequency((2, Gen.Constant(-1)), (1, Gen.Choose(0, 2000)))
        from pauseFor in Gen.Choose(1, 3000)
        from approve in Gen.Choose(0, 12000)
        from minutes in Gen.Choose(1, 30 * 24 * 60)
        from twice in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 5000)))
        select new Extension(start, goal, claim, pauseAfter, pauseFor, approve, minutes, twice);

    [Property(MaxTest = 300)]
    public Property An_approved_extension_of_d_moves_the_resolve_deadline_by_exactly_d_on_the_goals_clock() =>
        Prop.ForAll(Extensions.ToArbitrary(), x =>
        {
            var registered = Instant.FromUtc(2025, 9, 1, 0, 0) + Duration.FromMinutes(x.Start);
            var c = Workflow.Register(new CaseRegistration("X1", CaseSource.Hotline12345, CaseCategory.LeakingPipe, new CaseLocation(Grid(1)), "漏水", registered));
            var engine = new SlaEngine(new SlaPolicySet([new SlaPolicy("generated") { Resolve = new SlaGoal(x.Goal, SlaAnchor.PreviousStep) }]), Calculator);
            var claimed = registered + Duration.FromMinutes(x.ClaimAfter);
            c.Respond(GridWorker(1), claimed);
            c.Claim(GridWorker(1), claimed);
            var approveAt = claimed + Duration.FromMinutes(x.ApproveAfter);
            if (x.PauseAfter >= 0 && x.PauseAfter + x.PauseFor < x.ApproveAfter)
            {
                c.Pause(GridWorker(1), claimed + Duration.FromMinutes(x.PauseAfter), "住户外出");
                c.Resume(GridWorker(1), claimed + Duration.FromMinutes(x.PauseAfter + x.PauseFor));
            }

            var d = Duration.FromMinutes(x.Minutes);
            c.RequestExtension(GridWorker(1), approveAt, d, "需协调");
            var before = engine.Track(c).StatesAt(c, approveAt).Last(s => s.Step == SlaStep.Resolve);
            c.ApproveExtension(CommunitySecretary, approveAt, d);
            var after = engine.Track(c).StatesAt(c, approveAt).Last(s => s.Step == SlaStep.Resolve);
            var clock = x.Goal.Clock;
            var moved = approveAt < before.Deadline
                ? after.Deadline == Calculator.Advance(before.Deadline, d, clock) && Calculator.Measure(before.Deadline, after.Deadline, clock) == d && after.Extension == d
                : after.Deadline == before.Deadline && after.Extension == Duration.Zero;   // a breach is final
            if (!moved || x.Twice == 0)
            {
                return moved.Label($"before {before.Deadline}, after {after.Deadline}, approved at {approveAt}");
            }

            // A second extension adds its own length on top.
            var secondAt = approveAt + Duration.FromMinutes(x.Twice);
            c.RequestExtension(GridWorker(1), secondAt, d, "仍需协调");
            var mid = engine.Track(c).StatesAt(c, secondAt).Last(s => s.Step == SlaStep.Resolve);
            c.ApproveExtension(SubDistrictOfficer, secondAt, d);
            var last = engine.Track(c).StatesAt(c, secondAt).Last(s => s.Step == SlaStep.Resolve);
            return (secondAt < mid.Deadline
                ? last.Deadline == Calculator.Advance(mid.Deadline, d, clock) && last.Extension == mid.Extension + d
                : last.Deadline == mid.Deadline).Label($"second: {mid.Deadline} -> {last.Deadline}");
        });

    /// <summary>The grids an order passes through (the first is where it is registered), whether the last also returns it, and how far it gets.</summary>
    public sealed record Route(int[] Grids, bool LastReturns, int Progress, bool RespondFirst);

    private static readonly Gen<Route> Routes =
        from n in Gen.Choose(1, 5)
        from order in Gen.Shuffle(Enumerable.Range(1, 8).ToArray())
        from lastReturns in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from progress in Gen.Choose(0, 4)
        from respondFirst in Gen.Elements(true, false)
        select new Route(order.Take(n).ToArray(), lastReturns, progress, respondFirst);

    [Property(MaxTest = 300)]
    public Property A_returned_order_is_never_counted_against_a_unit_that_returned_it() =>
        Prop.ForAll(Routes.ToArbitrary(), route =>
        {
            var t = Instant.FromUtc(2026, 3, 2, 1, 0);
            Instant Next() => t += Duration.FromMinutes(7);
            var c = Workflow.Register(new CaseRegistration("R1", CaseSource.Hotline12345, CaseCategory.Parking, new CaseLocation(Grid(route.Grids[0])), "乱停车", t));
            for (var i = 0; i < route.Grids.Length; i++)
            {
                var grid = route.Grids[i];
                if (i > 0)
                {
                    c.Dispatch(CommunitySecretary, Next(), Grid(grid));
                }

                if (route.RespondFirst)
                {
                    c.Respond(GridWorker(grid), Next());
                }

                if (i < route.Grids.Length - 1 || route.LastReturns)
                {
                    c.Return(GridWorker(grid), Next(), "非本网格辖区");
                }
            }

            var holder = route.Grids[^1];
            if (!route.LastReturns)
            {
                Action[] progress =
                [
                    () => { if (!route.RespondFirst) { c.Respond(GridWorker(holder), Next()); } },
                    () => c.Claim(GridWorker(holder), Next()),
                    () => c.Resolve(GridWorker(holder), Next()),
                    () => c.GiveFeedback(GridWorker(holder), Next(), Satisfaction.Satisfied),
                ];
                foreach (var step in progress.Take(route.Progress))
                {
                    step();
                }
            }

            var engine = new SlaEngine(SlaPolicySet.Default, Calculator);
            var assessed = AssessedCase.From(c, engine.Track(c).StatesAt(c, Next()), Shanghai);
            var report = ThreeRates.Assess([assessed], Year, Workflow.Organisation);
            var returners = route.LastReturns ? route.Grids : route.Grids[..^1];
            var unit = (int g) => report.Grids.Single(u => u.UnitId == Grid(g).Value);
            return returners.All(g => unit(g).Response.Denominator == 0 && unit(g).Resolution.Denominator == 0 && unit(g).Returns == 1)
                .Label("returners: no case, one return each")
                .And((route.LastReturns ? report.District.Response.Denominator == 0 : unit(holder).Response.Denominator == 1 && unit(holder).Returns == 0)
                    .Label("the holder answers for it, unless it waits for a dispatch"))
                .And((report.District.Returns == returners.Length).Label("the district counts every return"));
        });
}
