using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// 时间币 — an amount of service credit in whole minutes (never floating point). One hour of
/// ordinary volunteer service earns <c>TimeCredit.FromHours(1)</c> ("1 hour = 1 time coin").
/// </summary>
/// <remarks>
/// Equality and ordering are by <see cref="Minutes"/>. Amounts may be negative where they are a change
/// (an entry's <see cref="TimeBankEntry.Amount"/>); balances of person, group and pool accounts never are.
/// <c>default</c> is zero. Arithmetic is checked: an overflow throws <see cref="OverflowException"/>.
/// The text form is <see cref="ToString"/>'s (<c>1h30m</c>, <c>-45m</c>, <c>0m</c>), read back by <see cref="Parse(string, IFormatProvider?)"/>,
/// which ASP.NET Core uses to bind amounts from routes and query strings; in JSON an amount is that text as a string.
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
[JsonConverter(typeof(TimeCreditJsonConverter))]
public readonly record struct TimeCredit : IComparable<TimeCredit>, ISpanParsable<TimeCredit>
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
    /// <exception cref="ArgumentOutOfRangeException">The amount does not fit in 64 bits of minutes.</exception>
    public static TimeCredit FromHours(long hours) =>
        hours is > long.MaxValue / 60 or < long.MinValue / 60
            ? throw new ArgumentOutOfRangeException(nameof(hours), hours, TimeBankMessages.Format("HoursMoreCreditThanCanCounted", hours, long.MaxValue / 60))
            : new(hours * 60);

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

    /// <summary>Parses an amount written as <see cref="ToString"/> writes it: <c>1h30m</c>, <c>2h</c>, <c>45m</c>, <c>-1h05m</c>, <c>0m</c>.</summary>
    /// <param name="s">The text: an optional <c>-</c>, then hours followed by <c>h</c>, minutes followed by <c>m</c>, or both
    /// (the minutes then 0–59); no spaces.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <returns>The amount.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an amount in that form, or does not fit in 64 bits of minutes.</exception>
    public static TimeCredit Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static TimeCredit Parse(string s) => Parse(s, null);

    /// <inheritdoc cref="Parse(string, IFormatProvider?)"/>
    public static TimeCredit Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException(TimeBankMessages.Format("AmountTimeCreditSuchHM", s.ToString()));

    /// <summary>Tries to parse an amount written as <see cref="ToString"/> writes it (see <see cref="Parse(string, IFormatProvider?)"/>).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the format is culture-invariant.</param>
    /// <param name="result">The amount, or zero.</param>
    /// <returns>Whether <paramref name="s"/> is an amount.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TimeCredit result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), provider, out result);
    }

    /// <inheritdoc cref="TryParse(string?, IFormatProvider?, out TimeCredit)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TimeCredit result)
    {
        result = default;
        var negative = s.Length > 0 && s[0] == '-';
        var rest = negative ? s[1..] : s;
        long hours = -1, minutes = -1;
        var h = rest.IndexOf('h');
        if (h >= 0)
        {
            if (!Digits(rest[..h], out hours))
            {
                return false;
            }

            rest = rest[(h + 1)..];
        }

        if (rest.Length > 0)
        {
            if (rest[^1] != 'm' || !Digits(rest[..^1], out minutes) || (hours >= 0 && minutes > 59))
            {
                return false;
            }
        }

        if (hours < 0 && minutes < 0)
        {
            return false;
        }

        var total = ((Int128)Math.Max(hours, 0) * 60) + Math.Max(minutes, 0);
        var value = negative ? -total : total;
        if (value < long.MinValue || value > long.MaxValue)
        {
            return false;
        }

        result = new TimeCredit((long)value);
        return true;

        static bool Digits(ReadOnlySpan<char> digits, out long value)
        {
            value = 0;
            if (digits.Length is 0 or > 18)
            {
                return false;
            }

            foreach (var c in digits)
            {
                if (c is < '0' or > '9')
                {
                    return false;
                }

                value = (value * 10) + (c - '0');
            }

            return true;
        }
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
