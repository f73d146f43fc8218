using System.Globalization;

namespace Governance.TimeBank;

/// <summary>
/// 时间币 — an amount of service credit in whole minutes (never floating point). One hour of
/// ordinary volunteer service earns <c>TimeCredit.FromHours(1)</c> ("1 hour = 1 time coin").
/// </summary>
/// <remarks>
/// Equality and ordering are by <see cref="Minutes"/>. Amounts may be negative where they are a change
/// (an entry's <see cref="TimeBankEntry.Amount"/>); balances of person, group and pool accounts never are.
/// <c>default</c> is zero. Arithmetic is checked: an overflow throws <see cref="OverflowException"/>.
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
public readonly record struct TimeCredit : IComparable<TimeCredit>
{
    /// <summary>Creates an amount.</summary>
    /// <param name="minutes">Minutes of credit; any value, negative for a decrease.</param>
    public TimeCredit(long minutes) => Minutes = minutes;

    /// <summary>No credit.</summary>
    public static TimeCredit Zero => default;

    /// <summary>The amount in minutes of credit.</summary>
    public long Minutes { get; }

    /// <summary>An amount of <paramref name="minutes"/> minutes.</summary>
    /// <param name="minutes">Minutes of credit.</param>
    /// <returns>The amount.</returns>
    public static TimeCredit FromMinutes(long minutes) => new(minutes);

    /// <summary>An amount of <paramref name="hours"/> whole hours (60 minutes each).</summary>
    /// <param name="hours">Hours of credit.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="OverflowException">The amount does not fit in 64 bits of minutes.</exception>
    public static TimeCredit FromHours(long hours) => new(checked(hours * 60));

    /// <inheritdoc />
    public int CompareTo(TimeCredit other) => Minutes.CompareTo(other.Minutes);

    /// <summary>Formats as hours and minutes, e.g. <c>12h30m</c>, <c>-45m</c> or <c>0m</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sign = Minutes < 0 ? "-" : "";
        var abs = Math.Abs((decimal)Minutes);
        var hours = decimal.Truncate(abs / 60);
        var minutes = abs - (hours * 60);
        return hours == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}m")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{hours}h{minutes:00}m");
    }

    /// <summary>Adds two amounts (checked).</summary>
    public static TimeCredit operator +(TimeCredit left, TimeCredit right) => new(checked(left.Minutes + right.Minutes));

    /// <summary>Subtracts two amounts (checked).</summary>
    public static TimeCredit operator -(TimeCredit left, TimeCredit right) => new(checked(left.Minutes - right.Minutes));

    /// <summary>Negates an amount (checked).</summary>
    public static TimeCredit operator -(TimeCredit value) => new(checked(-value.Minutes));

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(TimeCredit left, TimeCredit right) => left.Minutes < right.Minutes;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(TimeCredit left, TimeCredit right) => left.Minutes > right.Minutes;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(TimeCredit left, TimeCredit right) => left.Minutes <= right.Minutes;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(TimeCredit left, TimeCredit right) => left.Minutes >= right.Minutes;
}
