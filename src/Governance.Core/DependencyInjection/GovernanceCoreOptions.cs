using Governance.Calendars;

namespace Governance.DependencyInjection;

/// <summary>核心配置 — options for <c>AddGovernanceCore</c>: the calendar and the time zone deadlines are computed in.</summary>
public sealed class GovernanceCoreOptions
{
    /// <summary>The business calendar; China's shipped 2025–2026 calendar by default.</summary>
    public BusinessCalendar Calendar { get; set; } = ChinaCalendar.Mainland;

    /// <summary>The time zone; Asia/Shanghai from NodaTime's TZDB by default.</summary>
    public DateTimeZone TimeZone { get; set; } = ChinaCalendar.TimeZone;

    /// <summary>The clock; <see langword="null"/> (the default) registers the system clock unless the host registered an <see cref="IClock"/> already.</summary>
    public IClock? Clock { get; set; }
}
