using System.Text.Json.Serialization;

namespace Governance.TimeBank;

/// <summary>交易 — an immutable, committed ledger transaction: all its legs took effect together.</summary>
/// <remarks>Reference type with identity by <see cref="Id"/>; never changed after it is committed. In JSON it is
/// <c>{"id", "kind", "timestamp", "legs", "request"?, "note"?}</c>, the request polymorphic (see <see cref="TimeBankRequest"/>)
/// and the note only where the ledger wrote one.</remarks>
/// <threadsafety>Immutable: safe to share between threads.</threadsafety>
[JsonConverter(typeof(TimeBankTransactionJsonConverter))]
public sealed class TimeBankTransaction
{
    internal TimeBankTransaction(Id<TimeBankTransaction> id, TimeBankTransactionKind kind, Instant timestamp, TimeBankRequest? request, TimeBankLeg[] legs, string? note)
    {
        Id = id;
        Kind = kind;
        Timestamp = timestamp;
        Request = request;
        _note = note;
        if (legs.Length == 1)
        {
            _single = legs[0];
        }
        else
        {
            _legs = legs;
        }
    }

    internal TimeBankTransaction(Id<TimeBankTransaction> id, TimeBankTransactionKind kind, Instant timestamp, TimeBankRequest? request, TimeBankLeg single, string? note)
    {
        Id = id;
        Kind = kind;
        Timestamp = timestamp;
        Request = request;
        _note = note;
        _single = single;
    }

    private readonly string? _note;

    // Most transactions have one leg: it is kept inline, and the list is made only if someone asks for it.
    private readonly TimeBankLeg _single;
    private TimeBankLeg[]? _legs;

    /// <summary>The transaction's id (the client's, or a <c>sys:</c> id for the ledger's own).</summary>
    public Id<TimeBankTransaction> Id { get; }

    /// <summary>What it did.</summary>
    public TimeBankTransactionKind Kind { get; }

    /// <summary>When the ledger committed it; never earlier than the transaction before it.</summary>
    public Instant Timestamp { get; }

    /// <summary>The request that made it; <see langword="null"/> for the ledger's own (expirations).</summary>
    public TimeBankRequest? Request { get; }

    /// <summary>Its legs, in order.</summary>
    public IReadOnlyList<TimeBankLeg> Legs => _legs ??= [_single];

    /// <summary>The note as the ledger wrote it (null where it is described on demand); in JSON, <c>"note"</c>.</summary>
    internal string? WrittenNote => _note;

    /// <summary>How many legs it has.</summary>
    internal int LegCount => _legs?.Length ?? 1;

    /// <summary>Its <paramref name="index"/>th leg, without making the list.</summary>
    internal TimeBankLeg Leg(int index) => _legs is { } legs ? legs[index] : index == 0 ? _single : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A note for the passbook: the service, the reason for a reversal, the expired hold …</summary>
    public string? Note => _note ?? Request switch
    {
        // Described on demand: formatting on the posting path would cost more than the posting.
        GiftRequest g => $"转赠 {g.From} → {g.To}",
        DonationRequest d => $"捐赠 {d.From} → 公益池",
        _ => null,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id} at {Timestamp}";
}
