using Governance.Resources;

namespace Governance.Calendars;

/// <summary>
/// 中国节假日安排 — China's statutory holidays and 调休 make-up working days for 2025 and 2026, from the
/// State Council's notices, shipped as data (<c>Calendars/Data/china-mainland.json</c>, the
/// <see cref="BusinessCalendarJson"/> format). Extend it with <see cref="BusinessCalendarBuilder.From"/>
/// when the next notice arrives; dates after 2026 fall back to weekends only.
/// </summary>
public static class ChinaCalendar
{
    private static readonly Lazy<BusinessCalendar> LazyMainland = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The shipped calendar (2025–2026), whole working days, Saturday and Sunday off unless made up.</summary>
    public static BusinessCalendar Mainland => LazyMainland.Value;

    /// <summary>The time zone of mainland China, Asia/Shanghai, from NodaTime's TZDB.</summary>
    public static DateTimeZone TimeZone => DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>The shipped data as JSON text, e.g. to save, edit and load again.</summary>
    /// <returns>The JSON text.</returns>
    public static string MainlandJson()
    {
        using var stream = typeof(ChinaCalendar).Assembly.GetManifestResourceStream("Governance.Calendars.Data.china-mainland.json")
            ?? throw new InvalidOperationException(GovernanceMessages.Text("EmbeddedChinaCalendarDataMissingAssembly"));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static BusinessCalendar Load() => BusinessCalendarJson.Parse(MainlandJson());
}
