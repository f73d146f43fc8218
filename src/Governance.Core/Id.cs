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
/// </remarks>
/// <threadsafety>Immutable value type: safe to share between threads.</threadsafety>
public readonly record struct Id<TEntity> : IComparable<Id<TEntity>>
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The code; not empty or white space.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public Id(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException(
                $"An id of {typeof(TEntity).Name} must be a non-empty code; was '{value ?? "null"}'.", nameof(value));
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
