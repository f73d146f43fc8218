using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.Json;

/// <summary>
/// Enums by name only: a defined name (case-insensitive on reading), or for a [Flags] enum a comma-separated list of
/// defined names. Numbers, undefined names and lists for other enums are errors; an undefined value cannot be written.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly bool IsFlags = typeof(TEnum).IsDefined(typeof(FlagsAttribute), false);
        private static readonly Dictionary<string, TEnum> Names = Enum.GetValues<TEnum>()
            .ToDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);

        private static readonly ConcurrentDictionary<TEnum, string> Written = new();

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? FromName(reader.GetString()!)
                : throw new JsonException(GovernanceMessages.Format("ExpectedNameStringWas", typeof(TEnum).Name, Expected(), reader.TokenType));

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(ToName(value));

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FromName(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(ToName(value));

        private static TEnum FromName(string text)
        {
            if (Names.TryGetValue(text, out var single))
            {
                return single;
            }

            if (IsFlags && text.Contains(','))
            {
                ulong bits = 0;
                foreach (var part in text.Split(','))
                {
                    bits |= Convert.ToUInt64(FromName(part.Trim()), System.Globalization.CultureInfo.InvariantCulture);
                }

                return (TEnum)Enum.ToObject(typeof(TEnum), bits);
            }

            throw new JsonException(GovernanceMessages.Format(IsFlags ? "NotAFlagsEnumName" : "NotAnEnumName", text, typeof(TEnum).Name, Expected()));
        }

        private static string ToName(TEnum value) => Written.GetOrAdd(value, static v =>
        {
            var name = v.ToString();
            return name.Length > 0 && (char.IsDigit(name[0]) || name[0] == '-')
                ? throw new JsonException(GovernanceMessages.Format("ValueDefinedSoCannotWritten", typeof(TEnum).Name, name))
                : name;
        });

        private static string Expected() => string.Join(", ", Enum.GetNames<TEnum>());
    }
}
