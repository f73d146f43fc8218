using Governance.Calendars;
using Governance.Resources;

namespace Governance.DependencyInjection;

/// <summary>
/// 核心配置 — options for <c>AddGovernanceCore</c>: the calendar, the one time zone every package computes in, and the clock.
/// Set them in code (<c>AddGovernanceCore(o => …)</c>, any number of calls in any order) or bind them from configuration
/// (<c>services.Configure&lt;GovernanceCoreOptions&gt;(configuration.GetSection("Governance:Core"))</c>: <c>TimeZoneId</c>).
/// They are checked when first used; a bad setting is an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
/// naming it.
/// </summary>
public sealed class GovernanceCoreOptions
{
    /// <summary>The default time zone's id: Asia/Shanghai.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The business calendar; China's shipped 2025–2026 calendar by default.</summary>
    public BusinessCalendar Calendar { get; set; } = ChinaCalendar.Mainland;

    /// <summary>The time zone, as a zone; null (the default) to use <see cref="TimeZoneId"/>. Set one of the two.</summary>
    public DateTimeZone? TimeZone { get; set; }

    /// <summary>The time zone, as a TZDB id (bindable from configuration); <see cref="DefaultTimeZoneId"/> when neither is set.</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>The clock; <see langword="null"/> (the default) registers the system clock unless the host registered an <see cref="IClock"/> already.</summary>
    public IClock? Clock { get; set; }

    /// <summary>The zone the options name: <see cref="TimeZone"/>, else the zone of <see cref="TimeZoneId"/>, else Asia/Shanghai.</summary>
    /// <returns>The zone.</returns>
    /// <exception cref="InvalidOperationException">The id is not a TZDB zone, or the two settings name different zones.</exception>
    public DateTimeZone ResolveTimeZone()
    {
        var byId = TimeZoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneId)
            ?? throw new InvalidOperationException(GovernanceMessages.Format("UnknownTimeZoneId", TimeZoneId));
        if (TimeZone is not null && byId is not null && TimeZone.Id != byId.Id)
        {
            throw new InvalidOperationException(GovernanceMessages.Format("TimeZoneButTimeZoneIdSetOneTime", TimeZone.Id, byId.Id));
        }

        return TimeZone ?? byId ?? DateTimeZoneProviders.Tzdb[DefaultTimeZoneId];
    }
}
