using System.Globalization;

using Governance.Resources;

namespace Governance.Calendars;

/// <summary>
/// 工作时段 — one window of working hours within a working day, in local time, e.g. 08:30–12:00.
/// </summary>
/// <remarks>
/// <see cref="End"/> equal to <see cref="LocalTime.Midnight"/> means the end of the day (24:00), so
/// 00:00–00:00 is the whole day. Otherwise <see cref="End"/> is after <see cref="Start"/>.
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
public readonly record struct WorkingWindow
{
    /// <summary>Creates a window.</summary>
    /// <param name="start">Local start time, inclusive.</param>
    /// <param name="end">Local end time, exclusive; <see cref="LocalTime.Midnight"/> for 24:00.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    [System.Text.Json.Serialization.JsonConstructor]
    public WorkingWindow(LocalTime start, LocalTime end)
    {
        if (end != LocalTime.Midnight && end <= start)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end), end, GovernanceMessages.Format("WorkingWindowEndsBeforeStart", start));
        }

        Start = start;
        End = end;
    }

    /// <summary>Local start time, inclusive.</summary>
    public LocalTime Start { get; }

    /// <summary>Local end time, exclusive; <see cref="LocalTime.Midnight"/> means 24:00.</summary>
    public LocalTime End { get; }

    /// <summary>The window's length on the local clock.</summary>
    public Period Length => Period.FromTicks(EndTickOfDay - Start.TickOfDay);

    internal long EndTickOfDay => End == LocalTime.Midnight ? NodaConstants.TicksPerDay : End.TickOfDay;

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}–{(End == LocalTime.Midnight ? "24:00" : End.ToString("HH:mm", CultureInfo.InvariantCulture))}");
}
