using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Resources;

namespace Governance.Json;

/// <summary>
/// An <see cref="Interval"/> as <c>{"start": instant, "end": instant}</c>, either left out for an infinite side, exactly
/// as NodaTime.Serialization.SystemTextJson writes it (the names follow the options' naming policy). Read strictly, as
/// the rest of the library's JSON is: a member other than the two, a repeated one or a <see langword="null"/> is a
/// <see cref="JsonException"/>, where NodaTime's own converter skips what it does not know (a <c>"strat"</c> typo would
/// silently make the interval start at the beginning of time). The instants go through the options' converter.
/// </summary>
internal sealed class IntervalJsonConverter : JsonConverter<Interval>
{
    private Names? _names;

    public override Interval Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(GovernanceMessages.Format("ExpectedIntervalObjectStartEndWas", reader.TokenType));
        }

        var names = NamesFor(options);
        var instants = (JsonConverter<Instant>)options.GetConverter(typeof(Instant));
        Instant? start = null, end = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isStart = names.Matches(ref reader, names.Start, names.StartUtf8, options);
            if (!isStart && !names.Matches(ref reader, names.End, names.EndUtf8, options))
            {
                throw new JsonException(GovernanceMessages.Format("IntervalNoMemberExpected", reader.GetString(), names.Start, names.End));
            }

            var name = isStart ? names.Start : names.End;
            if ((isStart ? start : end) is not null)
            {
                throw new JsonException(GovernanceMessages.Format("IntervalMemberTwice", name));
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException(GovernanceMessages.Format("IntervalSCannotNullLeaveOut", name, name));
            }

            var instant = instants.Read(ref reader, typeof(Instant), options);
            if (isStart)
            {
                start = instant;
            }
            else
            {
                end = instant;
            }
        }

        if (start is { } s && end is { } e && e < s)
        {
            throw new JsonException(GovernanceMessages.Format("IntervalSEndBeforeStart", e, s));
        }

        return new Interval(start, end);
    }

    public override void Write(Utf8JsonWriter writer, Interval value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var names = NamesFor(options);
        var instants = (JsonConverter<Instant>)options.GetConverter(typeof(Instant));
        writer.WriteStartObject();
        if (value.HasStart)
        {
            writer.WritePropertyName(names.Start);
            instants.Write(writer, value.Start, options);
        }

        if (value.HasEnd)
        {
            writer.WritePropertyName(names.End);
            instants.Write(writer, value.End, options);
        }

        writer.WriteEndObject();
    }

    private Names NamesFor(JsonSerializerOptions options)
    {
        var names = _names;
        if (names is null || !ReferenceEquals(names.Options, options))
        {
            _names = names = new Names(options);
        }

        return names;
    }

    /// <summary>The two member names under one options' naming policy, as text and as UTF-8.</summary>
    private sealed class Names(JsonSerializerOptions options)
    {
        public JsonSerializerOptions Options { get; } = options;

        public string Start { get; } = options.PropertyNamingPolicy?.ConvertName(nameof(Interval.Start)) ?? nameof(Interval.Start);

        public string End { get; } = options.PropertyNamingPolicy?.ConvertName(nameof(Interval.End)) ?? nameof(Interval.End);

        public byte[] StartUtf8 => field ??= Encoding.UTF8.GetBytes(Start);

        public byte[] EndUtf8 => field ??= Encoding.UTF8.GetBytes(End);

        public bool Matches(ref Utf8JsonReader reader, string name, byte[] utf8, JsonSerializerOptions options) =>
            options.PropertyNameCaseInsensitive
                ? string.Equals(reader.GetString(), name, StringComparison.OrdinalIgnoreCase)
                : reader.ValueTextEquals(utf8);
    }
}
