using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Governance.Json;
using Governance.Resources;

namespace Governance;

/// <summary>
/// 标识 — a strongly typed identifier: an <c>Id&lt;Grid&gt;</c> cannot be passed where an
/// <c>Id&lt;Building&gt;</c> is expected. The value is the code a district already uses
/// (e.g. <c>"JL-G3"</c>), compared ordinally.
/// </summary>
/// <typeparam name="TEntity">The kind of thing identified; used only as a tag.</typeparam>
/// <remarks>
/// Equality and ordering are ordinal on <see cref="Value"/>. <c>default</c> has a <see langword="null"/>
/// value and is never produced by the constructor; treat it as "no id".
/// In JSON an id is its code as a string (also as a dictionary key); <see langword="null"/>, an empty code or another
/// token is an error, never a default id. <see cref="Parse(string, IFormatProvider?)"/> lets ASP.NET Core bind ids from
/// routes and query strings.
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
[JsonConverter(typeof(IdJsonConverterFactory))]
public readonly record struct Id<TEntity> : IComparable<Id<TEntity>>, ISpanParsable<Id<TEntity>>
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The code; not empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public Id(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(GovernanceMessages.Format("IdMustNonEmptyCodeWas", typeof(TEntity).Name, value ?? "null"), nameof(value));
        }

        Value = value;
    }

    /// <summary>The code.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public int CompareTo(Id<TEntity> other) => string.CompareOrdinal(Value, other.Value);

    /// <summary>Converts a code to an id; the same as the constructor.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator Id<TEntity>(string value) => new(value);

    /// <summary>Parses a code into an id; the same as the constructor.</summary>
    /// <param name="s">The code; not empty or white space.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is empty or white space.</exception>
    public static Id<TEntity> Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var id)
            ? id
            : throw new FormatException(GovernanceMessages.Format("IdMustNonEmptyCodeWas", typeof(TEntity).Name, s));
    }

    /// <summary>Parses a code into an id.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <returns>The id.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is empty or white space.</exception>
    public static Id<TEntity> Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var id)
            ? id
            : throw new FormatException(GovernanceMessages.Format("IdMustNonEmptyCodeWas", typeof(TEntity).Name, s.ToString()));

    /// <summary>Tries to parse a code into an id.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns>Whether <paramref name="s"/> is a non-empty code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Id<TEntity> result)
    {
        result = string.IsNullOrWhiteSpace(s) ? default : new Id<TEntity>(s);
        return result.Value is not null;
    }

    /// <summary>Tries to parse a code into an id.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: codes are culture-invariant.</param>
    /// <param name="result">The id, or <c>default</c>.</param>
    /// <returns>Whether <paramref name="s"/> is a non-empty code.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Id<TEntity> result)
    {
        result = s.IsWhiteSpace() ? default : new Id<TEntity>(s.ToString());
        return result.Value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    /// <summary>Orders ids ordinally.</summary>
    public static bool operator <(Id<TEntity> left, Id<TEntity> right) => left.CompareTo(right) < 0;

    /// <summary>Orders ids ordinally.</summary>
    public static bool operator >(Id<TEntity> left, Id<TEntity> right) => left.CompareTo(right) > 0;

    /// <summary>Orders ids ordinally.</summary>
    public static bool operator <=(Id<TEntity> left, Id<TEntity> right) => left.CompareTo(right) <= 0;

    /// <summary>Orders ids ordinally.</summary>
    public static bool operator >=(Id<TEntity> left, Id<TEntity> right) => left.CompareTo(right) >= 0;
}
