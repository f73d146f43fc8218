using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Calendars;
using Governance.Resources;
using NodaTime.Text;

namespace Governance.Json;

/// <summary>
/// A <see cref="DeadlineGoal"/> as <c>{"kind":"WorkingDays","days":3,"reading":"EndOfDay"}</c> or
/// <c>{"kind":"Elapsed","length":"0:01:00:00"}</c> (a NodaTime round-trip duration): only the members of its kind.
/// </summary>
internal sealed class DeadlineGoalJsonConverter : JsonConverter<DeadlineGoal>
{
    public override DeadlineGoal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(GovernanceMessages.Format("ExpectedDeadlineGoalObjectWas", reader.TokenType));
        }

        DeadlineGoalKind? kind = null;
        int? days = null;
        Duration? length = null;
        DayReading? reading = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "kind":
                    kind = Read<DeadlineGoalKind>(ref reader, options);
                    break;
                case "days" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var d):
                    days = d;
                    break;
                case "length" when reader.TokenType == JsonTokenType.String:
                    var parsed = DurationPattern.Roundtrip.Parse(reader.GetString()!);
                    length = parsed.Success ? parsed.Value : throw new JsonException(GovernanceMessages.Format("NotADuration", reader.GetString()));
                    break;
                case "reading":
                    reading = Read<DayReading>(ref reader, options);
                    break;
                case "days" or "length":
                    throw new JsonException(GovernanceMessages.Format("DeadlineGoalSMalformed", name, reader.TokenType));
                default:
                    throw new JsonException(GovernanceMessages.Format("DeadlineGoalNoMemberExpectedKind", name));
            }
        }

        try
        {
            return kind switch
            {
                DeadlineGoalKind.Elapsed => DeadlineGoal.Elapsed(length ?? throw Missing("length", kind.Value)),
                DeadlineGoalKind.WorkingTime => DeadlineGoal.WorkingTime(length ?? throw Missing("length", kind.Value)),
                DeadlineGoalKind.CalendarDays => DeadlineGoal.CalendarDays(days ?? throw Missing("days", kind.Value), reading ?? DayReading.EndOfDay),
                DeadlineGoalKind.WorkingDays => DeadlineGoal.WorkingDays(days ?? throw Missing("days", kind.Value), reading ?? DayReading.EndOfDay),
                _ => throw new JsonException(GovernanceMessages.Text("DeadlineGoalNeedsKindElapsedWorkingTime")),
            };
        }
        catch (ArgumentException e)
        {
            throw new JsonException(GovernanceMessages.Format("DeadlineGoalOutRange", e.Message), e);
        }
    }

    public override void Write(Utf8JsonWriter writer, DeadlineGoal value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("kind");
        JsonSerializer.Serialize(writer, value.Kind, options);
        if (value.Kind is DeadlineGoalKind.Elapsed or DeadlineGoalKind.WorkingTime)
        {
            writer.WriteString("length", DurationPattern.Roundtrip.Format(value.Length));
        }
        else
        {
            writer.WriteNumber("days", value.Days);
            writer.WritePropertyName("reading");
            JsonSerializer.Serialize(writer, value.Reading, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads with the options' converter in place, so an error keeps the path of the goal's member.</summary>
    private static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        ((JsonConverter<T>)options.GetConverter(typeof(T))).Read(ref reader, typeof(T), options)!;

    private static JsonException Missing(string member, DeadlineGoalKind kind) => new(GovernanceMessages.Format("DeadlineGoalNeeds", kind, member));
}
