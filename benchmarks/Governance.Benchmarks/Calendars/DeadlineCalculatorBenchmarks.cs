using BenchmarkDotNet.Attributes;
using Governance.Calendars;
using Governance.Testing;

namespace Governance.Benchmarks.Calendars;

/// <summary>
/// A working-day deadline (end-of-day reading) in Asia/Shanghai with China's 2025–2026 calendar: the O(1)
/// calculator against the naive day-by-day walk, for 3, 30 and 365 working days.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DeadlineCalculatorBenchmarks
{
    private static readonly BusinessCalendar Calendar = ChinaCalendar.Mainland;
    private static readonly DateTimeZone Zone = ChinaCalendar.TimeZone;
    private static readonly DeadlineCalculator Calculator = new(Calendar, Zone);
    private static readonly Instant Start = Instant.FromUtc(2025, 2, 13, 9, 0);

    private DeadlineGoal _goal;

    [Params(3, 30, 365)]
    public int WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup() => _goal = DeadlineGoal.WorkingDays(WorkingDays);

    [Benchmark(Baseline = true)]
    public Instant NaiveDayByDay() => NaiveDeadlines.WorkingDaysEndOfDay(Calendar, Zone, Start, WorkingDays);

    [Benchmark]
    public Instant Calculator_EndOfDay() => Calculator.Deadline(Start, _goal);

    [Benchmark]
    public Instant Calculator_WorkingTime() => Calculator.Advance(Start, Duration.FromDays(WorkingDays), DeadlineClock.WorkingTime);
}
