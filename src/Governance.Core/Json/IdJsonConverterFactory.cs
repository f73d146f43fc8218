using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.Json;

/// <summary>Makes the converter of each <see cref="Id{TEntity}"/>: the code as a JSON string, also as a dictionary key.</summary>
internal sealed class IdJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Id<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(IdJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class IdJsonConverter<TEntity> : JsonConverter<Id<TEntity>>
    {
        public override Id<TEntity> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? FromCode(reader.GetString())
                : throw new JsonException(GovernanceMessages.Format("ExpectedIdStringWas", typeof(TEntity).Name, reader.TokenType));

        public override void Write(Utf8JsonWriter writer, Id<TEntity> value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Value ?? throw new JsonException(GovernanceMessages.Format("CannotWriteDefaultEmptyId", typeof(TEntity).Name)));

        public override Id<TEntity> ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FromCode(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, Id<TEntity> value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.Value ?? throw new JsonException(GovernanceMessages.Format("CannotWriteDefaultEmptyId", typeof(TEntity).Name)));

        private static Id<TEntity> FromCode(string? code) =>
            Id<TEntity>.TryParse(code, null, out var id)
                ? id
                : throw new JsonException(GovernanceMessages.Format("IdMustNonEmptyCodeWas", typeof(TEntity).Name, code));
    }
}
