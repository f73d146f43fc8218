using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;
using static Governance.TimeBank.TimeBankTransactionJsonConverter;

namespace Governance.TimeBank;

/// <summary>
/// A <see cref="ServiceType"/> as <c>{"id", "name", "kind", "creditMinutesPerHour"?}</c> (camelCase under any options; the
/// rate 60 when left out), read strictly: an unknown, repeated or <see langword="null"/> member, a missing one, an empty
/// name or a rate outside 1–6000 is a <see cref="JsonException"/>, never the constructor's <see cref="ArgumentException"/>.
/// The four well-known types are read back as the shared instances, so a journal of a million deposits holds four.
/// </summary>
internal sealed class ServiceTypeJsonConverter : JsonConverter<ServiceType>
{
    private static readonly string[] Members = ["id", "name", "kind", "creditMinutesPerHour"];
    private static readonly ServiceType[] WellKnown = [ServiceType.HomeVisit, ServiceType.CommunityService, ServiceType.HomeCare, ServiceType.CanteenMeal];

    public override ServiceType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string What = "ServiceType"; // a message key: the helpers look it up only to report an error
        Expect(ref reader, JsonTokenType.StartObject, What);
        Id<ServiceType>? id = null;
        string? name = null;
        ServiceTypeKind? kind = null;
        int? rate = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = Member(ref reader, ref seen, Members, What);
            reader.Read();
            switch (member)
            {
                case 0:
                    id = Value(ref reader, Converter<Id<ServiceType>>(options), options, "id");
                    break;
                case 1:
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException(TimeBankMessages.Format("ServiceTypeSNameTextWas", reader.TokenType));
                    break;
                case 2:
                    kind = Value(ref reader, Converter<ServiceTypeKind>(options), options, "kind");
                    break;
                default:
                    rate = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var minutes)
                        ? minutes
                        : throw new JsonException(TimeBankMessages.Format("ServiceTypeSCreditMinutesPerHourWholeNumber", reader.TokenType));
                    break;
            }
        }

        ServiceType type;
        try
        {
            type = new ServiceType(id ?? throw Missing("id", What), name ?? throw Missing("name", What), kind ?? throw Missing("kind", What), rate ?? 60);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(TimeBankMessages.Format("ServiceTypeMalformed", e.Message), e);
        }

        foreach (var known in WellKnown)
        {
            if (known.Equals(type))
            {
                return known;
            }
        }

        return type;
    }

    public override void Write(Utf8JsonWriter writer, ServiceType value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        Converter<Id<ServiceType>>(options).Write(writer, value.Id, options);
        writer.WriteString("name", value.Name);
        writer.WritePropertyName("kind");
        Converter<ServiceTypeKind>(options).Write(writer, value.Kind, options);
        writer.WriteNumber("creditMinutesPerHour", value.CreditMinutesPerHour);
        writer.WriteEndObject();
    }
}
