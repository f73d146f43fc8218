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
    ("春节前最后一个工作日 (2026-02-13 Fri 17:00)", new LocalDateTime(2026, 2, 13, 17, 0)),
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
        Console.WriteLine($"  {step,-24} due {due.LocalDateTime:yyyy-MM-dd HH:mm} ({due.DayOfWeek})");
    }

    Console.WriteLine();
}
