using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Organisation;
using Governance.Resources;

namespace Governance.Json;

/// <summary>An <see cref="EscalationLadder"/> as the array of its levels by name, lowest first: <c>["MicroGrid","Grid","Community","SubDistrict"]</c>.</summary>
internal sealed class EscalationLadderJsonConverter : JsonConverter<EscalationLadder>
{
    public override EscalationLadder Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(GovernanceMessages.Format("ExpectedEscalationLadderArrayLevelsWas", reader.TokenType));
        }

        var levels = JsonSerializer.Deserialize<OrganisationLevel[]>(ref reader, options) ?? [];
        try
        {
            return new EscalationLadder(levels);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, EscalationLadder value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value.Levels, options);
    }
}
