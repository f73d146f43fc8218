using System.Text.Json;
using Governance.Resources;
using static Governance.TimeBank.TimeBankTransactionJsonConverter;

namespace Governance.TimeBank;

/// <summary>
/// Reads by hand the requests a journal is mostly made of — deposits, gifts, donations and redemptions — when they sit
/// inside a transaction with their <c>"type"</c> first (as the library writes them). Binding them through
/// System.Text.Json's polymorphic, constructor-bound contract costs four times the rest of the transaction; this reader
/// builds the same records and is as strict: an unknown, repeated or <see langword="null"/> member, a missing one or a
/// malformed value is a <see cref="JsonException"/> naming the member. Any other request, or a request whose
/// <c>"type"</c> is not first, is left to the contract (<see cref="TryRead"/> returns false and the reader is untouched).
/// </summary>
internal static class TimeBankRequestJsonReader
{
    private static readonly string[] DepositMembers = ["type", "account", "service", "verifiedBy", "id"];
    private static readonly string[] GiftMembers = ["type", "from", "to", "amount", "id"];
    private static readonly string[] DonationMembers = ["type", "from", "amount", "id"];
    private static readonly string[] RedemptionMembers = ["type", "holder", "recipient", "service", "serviceDate", "amount", "id"];
    private static readonly string[] ServiceRecordMembers = ["type", "period", "note"];

    /// <summary>Reads the request at <paramref name="reader"/> (on its <c>{</c>) if it is one this reader knows.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="options">The options.</param>
    /// <param name="transaction">The id of the transaction it is in, if read already: an equal request id shares its string.</param>
    /// <param name="request">The request.</param>
    /// <returns>Whether it was read; if not, <paramref name="reader"/> has not moved.</returns>
    /// <exception cref="JsonException">It is one of the known kinds and is malformed.</exception>
    public static bool TryRead(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction, out TimeBankRequest? request)
    {
        request = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var peek = reader;
        if (!peek.Read() || peek.TokenType != JsonTokenType.PropertyName || !peek.ValueTextEquals("type")
            || !peek.Read() || peek.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (peek.ValueTextEquals("deposit"))
        {
            reader = peek;
            request = ReadDeposit(ref reader, options, transaction);
        }
        else if (peek.ValueTextEquals("donation"))
        {
            reader = peek;
            request = ReadDonation(ref reader, options, transaction);
        }
        else if (peek.ValueTextEquals("gift"))
        {
            reader = peek;
            request = ReadGift(ref reader, options, transaction);
        }
        else if (peek.ValueTextEquals("redemption"))
        {
            reader = peek;
            request = ReadRedemption(ref reader, options, transaction);
        }

        return request is not null;
    }

    private static DepositRequest ReadDeposit(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction)
    {
        const string What = "DepositRequest"; // a message key: the helpers look it up only to report an error
        Id<TimeBankTransaction>? id = null;
        Id<TimeBankAccount>? account = null;
        ServiceRecord? service = null;
        Id<People.Person>? verifiedBy = null;
        var seen = 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, DepositMembers, What);
            reader.Read();
            switch (member)
            {
                case 1:
                    account = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.account");
                    break;
                case 2:
                    service = ReadServiceRecord(ref reader, options);
                    break;
                case 3:
                    verifiedBy = Value(ref reader, Converter<Id<People.Person>>(options), options, "request.verifiedBy");
                    break;
                default:
                    id = RequestId(ref reader, options, transaction);
                    break;
            }
        }

        return new DepositRequest(
            id ?? throw Missing("id", What),
            account ?? throw Missing("account", What),
            service ?? throw Missing("service", What),
            verifiedBy ?? throw Missing("verifiedBy", What));
    }

    private static DonationRequest ReadDonation(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction)
    {
        const string What = "DonationRequest"; // a message key: the helpers look it up only to report an error
        Id<TimeBankTransaction>? id = null;
        Id<TimeBankAccount>? from = null;
        TimeCredit? amount = null;
        var seen = 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, DonationMembers, What);
            reader.Read();
            switch (member)
            {
                case 1:
                    from = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.from");
                    break;
                case 2:
                    amount = Value(ref reader, Converter<TimeCredit>(options), options, "request.amount");
                    break;
                default:
                    id = RequestId(ref reader, options, transaction);
                    break;
            }
        }

        return new DonationRequest(id ?? throw Missing("id", What), from ?? throw Missing("from", What), amount ?? throw Missing("amount", What));
    }

    private static GiftRequest ReadGift(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction)
    {
        const string What = "GiftRequest"; // a message key: the helpers look it up only to report an error
        Id<TimeBankTransaction>? id = null;
        Id<TimeBankAccount>? from = null, to = null;
        TimeCredit? amount = null;
        var seen = 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, GiftMembers, What);
            reader.Read();
            switch (member)
            {
                case 1:
                    from = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.from");
                    break;
                case 2:
                    to = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.to");
                    break;
                case 3:
                    amount = Value(ref reader, Converter<TimeCredit>(options), options, "request.amount");
                    break;
                default:
                    id = RequestId(ref reader, options, transaction);
                    break;
            }
        }

        return new GiftRequest(id ?? throw Missing("id", What), from ?? throw Missing("from", What), to ?? throw Missing("to", What), amount ?? throw Missing("amount", What));
    }

    private static RedemptionRequest ReadRedemption(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction)
    {
        const string What = "RedemptionRequest"; // a message key: the helpers look it up only to report an error
        Id<TimeBankTransaction>? id = null;
        Id<TimeBankAccount>? holder = null, recipient = null;
        ServiceType? service = null;
        LocalDate? date = null;
        TimeCredit? amount = null;
        var seen = 1;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, RedemptionMembers, What);
            reader.Read();
            switch (member)
            {
                case 1:
                    holder = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.holder");
                    break;
                case 2:
                    recipient = Value(ref reader, Converter<Id<TimeBankAccount>>(options), options, "request.recipient");
                    break;
                case 3:
                    service = ReadServiceType(ref reader, options, "request.service");
                    break;
                case 4:
                    date = Value(ref reader, Converter<LocalDate>(options), options, "request.serviceDate");
                    break;
                case 5:
                    amount = Value(ref reader, Converter<TimeCredit>(options), options, "request.amount");
                    break;
                default:
                    id = RequestId(ref reader, options, transaction);
                    break;
            }
        }

        return new RedemptionRequest(
            id ?? throw Missing("id", What),
            holder ?? throw Missing("holder", What),
            recipient ?? throw Missing("recipient", What),
            service ?? throw Missing("service", What),
            date ?? throw Missing("serviceDate", What),
            amount ?? throw Missing("amount", What));
    }

    private static Id<TimeBankTransaction> RequestId(ref Utf8JsonReader reader, JsonSerializerOptions options, Id<TimeBankTransaction>? transaction) =>
        transaction?.Value is { } same && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueTextEquals(same)
            ? transaction.Value
            : Value(ref reader, Converter<Id<TimeBankTransaction>>(options), options, "request.id");

    private static ServiceRecord ReadServiceRecord(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        const string What = "ServiceRecordRequestService"; // a message key: the helpers look it up only to report an error
        Expect(ref reader, JsonTokenType.StartObject, What);
        ServiceType? type = null;
        Interval? period = null;
        string? note = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, ServiceRecordMembers, What);
            reader.Read();
            switch (member)
            {
                case 0:
                    type = ReadServiceType(ref reader, options, "request.service.type");
                    break;
                case 1:
                    period = Value(ref reader, Converter<Interval>(options), options, "request.service.period");
                    break;
                default:
                    note = reader.TokenType switch
                    {
                        JsonTokenType.Null => null,
                        JsonTokenType.String => reader.GetString(),
                        _ => throw new JsonException(TimeBankMessages.Format("RequestServiceNoteTextNullWas", reader.TokenType)),
                    };
                    break;
            }
        }

        return new ServiceRecord(type ?? throw Missing("type", What), period ?? throw Missing("period", What), note);
    }

    private static ServiceType ReadServiceType(ref Utf8JsonReader reader, JsonSerializerOptions options, string location) =>
        Value(ref reader, Converter<ServiceType>(options), options, location);
}
