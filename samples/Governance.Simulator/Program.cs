using Governance.Calendars;
using Microsoft.Extensions.DependencyInjection;

// The main program, as a host app would use the packages: through DI and the public API only.
// The full district simulator (issue 7) grows from here; today it shows the closed loop's time limits
// on China's 2026 calendar.
using var services = new ServiceCollection().AddGovernanceCore().BuildServiceProvider();
var calculator = services.GetRequiredService<DeadlineCalculator>();
var zone = calculator.Zone;

Console.WriteLine("Governance — 网格化治理: 四步闭环时限 (1小时响应、1小时认领、3日内解决、5日内反馈)");
Console.WriteLine($"Calendar: {calculator.Calendar}, zone {zone.Id}");
Console.WriteLine();

(string Label, LocalDateTime Registered)[] cases =
[
    ("春节前的周五 (2026-02-13 Fri 17:00)", new LocalDateTime(2026, 2, 13, 17, 0)),
    ("国庆前 (2025-09-30 Tue 10:00)", new LocalDateTime(2025, 9, 30, 10, 0)),
    ("劳动节前 (2026-04-30 Thu 09:00)", new LocalDateTime(2026, 4, 30, 9, 0)),
];
(string Step, DeadlineGoal Goal)[] steps =
[
    ("响应 respond", DeadlineGoal.Elapsed(Duration.FromHours(1))),
    ("认领 claim", DeadlineGoal.Elapsed(Duration.FromHours(2))),
    ("解决 resolve (3 工作日)", DeadlineGoal.WorkingDays(3)),
    ("解决 resolve (3 自然日)", DeadlineGoal.CalendarDays(3)),
    ("反馈 feedback (5 工作日)", DeadlineGoal.WorkingDays(5)),
];

foreach (var (label, registered) in cases)
{
    var start = registered.InZoneStrictly(zone).ToInstant();
    Console.WriteLine(label);
    foreach (var (step, goal) in steps)
    {
        var due = calculator.Deadline(start, goal).InZone(zone);
        // A deadline at local midnight is the end of the previous day: show it as 24:00.
        var endOfDay = due.TimeOfDay == LocalTime.Midnight;
        var shown = endOfDay ? $"{due.Date.PlusDays(-1):yyyy-MM-dd} 24:00 ({due.Date.PlusDays(-1).DayOfWeek})" : $"{due.LocalDateTime:yyyy-MM-dd HH:mm} ({due.DayOfWeek})";
        Console.WriteLine($"  {step,-24} due {shown}");
    }

    Console.WriteLine();
}

// A case through the closed loop, as seed 003's rider report: part-time grid worker → grid worker → resolved.
var organisation = SampleCommunity.Build();
using var workflowServices = new ServiceCollection()
    .AddGovernanceWorkflow(o => o.Organisation = organisation)
    .BuildServiceProvider();
var workflow = workflowServices.GetRequiredService<Governance.Cases.CaseWorkflow>();
var t0 = new LocalDateTime(2026, 6, 2, 12, 0).InZoneStrictly(zone).ToInstant();
var @case = workflow.Register(new Governance.Cases.CaseRegistration(
    "2026-0602-001", Governance.Cases.CaseSource.PartTimeGridWorker, Governance.Cases.CaseCategory.FlyingWireCharging,
    new Governance.Cases.CaseLocation("G1"), "骑手拍照上报：1号楼飞线充电", t0, "RIDER"));
@case.Respond("GW1", t0 + Duration.FromMinutes(5));
@case.Claim("GW1", t0 + Duration.FromMinutes(6));
@case.Resolve("GW1", t0 + Duration.FromMinutes(28), "已拆除飞线，劝导使用充电桩");
@case.GiveFeedback("GW1", t0 + Duration.FromMinutes(40), Governance.Cases.Satisfaction.Satisfied);
@case.Close("GW1", t0 + Duration.FromMinutes(41));
Console.WriteLine($"{@case}: history");
foreach (var entry in @case.History)
{
    Console.WriteLine($"  #{entry.Sequence} {entry.At.InZone(zone):HH:mm} {Governance.Cases.CaseDisplayNames.Of(entry.Trigger),-4} {entry.Actor} ({entry.ActingRole}) {Governance.Cases.CaseDisplayNames.Of(entry.From)} → {Governance.Cases.CaseDisplayNames.Of(entry.To)} {entry.Note}");
}

Console.WriteLine();
Console.WriteLine("Workflow (Mermaid, generated from the definition):");
Console.WriteLine(workflow.ToMermaid());
