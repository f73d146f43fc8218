using System.Text.Json;
using System.Text.Json.Serialization;

using Governance.Resources;

namespace Governance.TimeBank;

/// <summary>A <see cref="TimeCredit"/> as its text, <c>"1h30m"</c>; anything else is an error, never zero.</summary>
internal sealed class TimeCreditJsonConverter : JsonConverter<TimeCredit>
{
    public override TimeCredit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TimeCredit.TryParse(reader.GetString(), null, out var credit)
            ? credit
            : throw new JsonException(TimeBankMessages.Format("ExpectedTimeCreditString", reader.TokenType == JsonTokenType.String ? $"'{reader.GetString()}'" : reader.TokenType.ToString()));

    public override void Write(Utf8JsonWriter writer, TimeCredit value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
