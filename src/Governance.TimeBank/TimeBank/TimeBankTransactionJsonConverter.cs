using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>
/// A <see cref="TimeBankTransaction"/> as <c>{"id", "kind", "timestamp", "legs": [{"debit", "credit", "amount", "kind"}],
/// "request"?, "note"?}</c> (camelCase under any options), read by hand: a journal holds millions of transactions, and
/// binding them through constructors boxes every value. As strict as the library's JSON configuration: a missing,
/// <see langword="null"/>, unknown or repeated member is a <see cref="JsonException"/> (System.Text.Json adds its path).
/// The values (ids, instants, amounts, kinds, the polymorphic request) go through the options' own converters.
/// </summary>
internal sealed class TimeBankTransactionJsonConverter : JsonConverter<TimeBankTransaction>
{
    private static readonly string[] TransactionMembers = ["id", "kind", "timestamp", "legs", "request", "note"];
    private static readonly string[] LegMembers = ["debit", "credit", "amount", "kind"];

    public override TimeBankTransaction Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject, "ATimeBankTransaction");
        var ids = Converter<Id<TimeBankTransaction>>(options);
        Id<TimeBankTransaction>? id = null;
        TimeBankTransactionKind? kind = null;
        Instant? timestamp = null;
        TimeBankLeg[]? legs = null;
        TimeBankRequest? request = null;
        string? note = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, TransactionMembers, "TimeBankTransaction");
            reader.Read();
            switch (member)
            {
                case 0:
                    id = Value(ref reader, ids, options, "id");
                    break;
                case 1:
                    kind = Value(ref reader, Converter<TimeBankTransactionKind>(options), options, "kind");
                    break;
                case 2:
                    timestamp = Value(ref reader, Converter<Instant>(options), options, "timestamp");
                    break;
                case 3:
                    legs = ReadLegs(ref reader, options);
                    break;
                case 4:
                    request = reader.TokenType == JsonTokenType.Null ? null
                        : TimeBankRequestJsonReader.TryRead(ref reader, options, id, out var known) ? known
                        : JsonSerializer.Deserialize<TimeBankRequest>(ref reader, options);
                    break;
                default:
                    note = reader.TokenType == JsonTokenType.Null ? null : reader.TokenType == JsonTokenType.String
                        ? reader.GetString() : throw new JsonException(TimeBankMessages.Format("TransactionSNoteTextWas", reader.TokenType));
                    break;
            }
        }

        return new TimeBankTransaction(
            id ?? throw Missing("id", "TimeBankTransaction"),
            kind ?? throw Missing("kind", "TimeBankTransaction"),
            timestamp ?? throw Missing("timestamp", "TimeBankTransaction"),
            request,
            legs ?? throw Missing("legs", "TimeBankTransaction"),
            note);
    }

    public override void Write(Utf8JsonWriter writer, TimeBankTransaction value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        Converter<Id<TimeBankTransaction>>(options).Write(writer, value.Id, options);
        writer.WritePropertyName("kind");
        Converter<TimeBankTransactionKind>(options).Write(writer, value.Kind, options);
        writer.WritePropertyName("timestamp");
        Converter<Instant>(options).Write(writer, value.Timestamp, options);
        writer.WriteStartArray("legs");
        var accounts = Converter<Id<TimeBankAccount>>(options);
        var credits = Converter<TimeCredit>(options);
        var legKinds = Converter<TimeBankLegKind>(options);
        for (var i = 0; i < value.LegCount; i++)
        {
            var leg = value.Leg(i);
            writer.WriteStartObject();
            writer.WritePropertyName("debit");
            accounts.Write(writer, leg.Debit, options);
            writer.WritePropertyName("credit");
            accounts.Write(writer, leg.Credit, options);
            writer.WritePropertyName("amount");
            credits.Write(writer, leg.Amount, options);
            writer.WritePropertyName("kind");
            legKinds.Write(writer, leg.Kind, options);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (value.Request is { } request)
        {
            writer.WritePropertyName("request");
            JsonSerializer.Serialize(writer, request, options);
        }

        if (value.WrittenNote is { } note)
        {
            writer.WriteString("note", note);
        }

        writer.WriteEndObject();
    }

    private static TimeBankLeg[] ReadLegs(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray, "TransactionSLegs");
        var accounts = Converter<Id<TimeBankAccount>>(options);
        var credits = Converter<TimeCredit>(options);
        var kinds = Converter<TimeBankLegKind>(options);
        TimeBankLeg first = default;
        List<TimeBankLeg>? more = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            Expect(ref reader, JsonTokenType.StartObject, "ALeg");
            Id<TimeBankAccount>? debit = null, credit = null;
            TimeCredit? amount = null;
            TimeBankLegKind? kind = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = Member(ref reader, ref seen, LegMembers, "Leg", count);
                reader.Read();
                switch (member)
                {
                    case 0:
                        debit = LedgerAccount(ref reader) ?? Value(ref reader, accounts, options, "debit", count);
                        break;
                    case 1:
                        credit = LedgerAccount(ref reader) ?? Value(ref reader, accounts, options, "credit", count);
                        break;
                    case 2:
                        amount = Value(ref reader, credits, options, "amount", count);
                        break;
                    default:
                        kind = Value(ref reader, kinds, options, "kind", count);
                        break;
                }
            }

            var leg = new TimeBankLeg(
                debit ?? throw Missing("debit", "Leg", count), credit ?? throw Missing("credit", "Leg", count), amount ?? throw Missing("amount", "Leg", count), kind ?? throw Missing("kind", "Leg", count));
            if (count++ == 0)
            {
                first = leg;
            }
            else
            {
                (more ??= [first]).Add(leg);
            }
        }

        return count == 0 ? throw new JsonException(TimeBankMessages.Text("TimeBankTransactionLeastOneLeg")) : more is null ? [first] : [.. more];
    }

    /// <summary>The issuing account or the pool, read as the ledger's own ids (most legs name one; no string is made for it).</summary>
    private static Id<TimeBankAccount>? LedgerAccount(ref Utf8JsonReader reader) =>
        reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped ? null
        : reader.ValueTextEquals("sys:issuing"u8) ? TimeBankLedger.IssuingAccountId
        : reader.ValueTextEquals("sys:pool"u8) ? TimeBankLedger.PoolAccountId
        : (Id<TimeBankAccount>?)null;

    internal static JsonConverter<T> Converter<T>(JsonSerializerOptions options) => (JsonConverter<T>)options.GetConverter(typeof(T));

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string what)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException(TimeBankMessages.Format(token == JsonTokenType.StartArray ? "ExpectedAsArray" : "ExpectedAsObject", TimeBankMessages.Text(what), reader.TokenType));
        }
    }

    internal static int Member(ref Utf8JsonReader reader, ref int seen, string[] names, string what, int leg = -1)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                if ((seen & (1 << i)) != 0)
                {
                    throw new JsonException(TimeBankMessages.Format("MemberTwice", TimeBankMessages.Text(what), At(leg), names[i]));
                }

                seen |= 1 << i;
                return i;
            }
        }

        throw new JsonException(TimeBankMessages.Format("NoMemberExpected", TimeBankMessages.Text(what), At(leg), reader.GetString(), string.Join(", ", names)));
    }

    // System.Text.Json's path ends at the transaction; the location inside it is named in the message.
    internal static T Value<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options, string member, int leg = -1)
    {
        string Location() => leg < 0 ? member : $"legs[{leg}].{member}";
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException(TimeBankMessages.Format("MemberCannotBeNull", Location()));
        }

        try
        {
            return converter.Read(ref reader, typeof(T), options)!;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new JsonException(TimeBankMessages.Format("MemberMalformed", Location(), e.Message), e);
        }
    }

    internal static JsonException Missing(string member, string what, int leg = -1) => new(TimeBankMessages.Format("MemberMissing", TimeBankMessages.Text(what), At(leg), member));

    private static string At(int leg) => leg < 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (legs[{leg}])");
}
