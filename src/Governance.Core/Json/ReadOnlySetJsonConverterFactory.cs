using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.Json;

/// <summary>An <see cref="IReadOnlySet{T}"/> as a JSON array (in the set's order), read back into a <see cref="HashSet{T}"/>; a repeated element is an error.</summary>
internal sealed class ReadOnlySetJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlySet<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ReadOnlySetJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ReadOnlySetJsonConverter<T> : JsonConverter<IReadOnlySet<T>>
    {
        public override IReadOnlySet<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException(GovernanceMessages.Format("ExpectedSetArrayWas", typeof(T).Name, reader.TokenType));
            }

            var element = (JsonConverter<T>)options.GetConverter(typeof(T));
            var set = new HashSet<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = element.Read(ref reader, typeof(T), options);
                if (item is null || !set.Add(item))
                {
                    throw new JsonException(GovernanceMessages.Format("SetListsTwiceNull", typeof(T).Name, item));
                }
            }

            return set;
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}
