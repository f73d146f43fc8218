using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>服务记录 — one verified stretch of service: its type and when it happened.</summary>
/// <remarks>Equality is by value.</remarks>
/// <param name="Type">The service type.</param>
/// <param name="Period">When the service happened, as instants.</param>
/// <param name="Note">A free-text note for the passbook, e.g. the resident visited.</param>
public sealed record ServiceRecord(ServiceType Type, Interval Period, string? Note = null)
{
    /// <summary>A service record from the local start and end on the wall clock of <paramref name="zone"/>.</summary>
    /// <param name="type">The service type.</param>
    /// <param name="start">The local start.</param>
    /// <param name="end">The local end; after <paramref name="start"/>.</param>
    /// <param name="zone">The community's time zone.</param>
    /// <param name="note">A note for the passbook.</param>
    /// <returns>The record; a local time in a daylight-saving gap or fold is mapped leniently.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public static ServiceRecord FromLocal(ServiceType type, LocalDateTime start, LocalDateTime end, DateTimeZone zone, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(zone);
        if (end <= start)
        {
            throw new ArgumentException(TimeBankMessages.Format("ServiceMustEndAfterStartsWas", start, end), nameof(end));
        }

        return new ServiceRecord(type, new Interval(start.InZoneLeniently(zone).ToInstant(), end.InZoneLeniently(zone).ToInstant()), note);
    }
}
