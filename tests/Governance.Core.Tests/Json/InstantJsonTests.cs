using System.Text.Json;
using FsCheck.Xunit;
using Governance.Json;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;

namespace Governance.Tests.Json;

/// <summary>Instants read on the fast path agree with NodaTime's own reading, for good text and bad.</summary>
public class InstantJsonTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private static readonly JsonSerializerOptions NodaTimeOnly = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    // Instants from year 1 to 9999, to the nanosecond, with a bias towards whole seconds (the common case).
    private static readonly Gen<Instant> Instants =
        from seconds in Gen.Choose(0, int.MaxValue).Select(x => (long)x).Two()
        from nanos in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 999_999_999)), (1, Gen.Choose(0, 999).Select(m => m * 1_000_000)))
        let s = ((seconds.Item1 << 31) | seconds.Item2) % 315_537_897_600L   // seconds from 0001-01-01 to 9999-12-31
        select Instant.FromUtc(1, 1, 1, 0, 0) + Duration.FromSeconds(s) + Duration.FromNanoseconds(nanos);

    [Property(MaxTest = 2000)]
    public Property Every_instant_round_trips_and_reads_as_NodaTime_reads_it() => Prop.ForAll(Instants.ToArbitrary(), instant =>
    {
        var json = JsonSerializer.Serialize(instant, Json);
        return json == JsonSerializer.Serialize(instant, NodaTimeOnly)
            && JsonSerializer.Deserialize<Instant>(json, Json) == instant
            && JsonSerializer.Deserialize<Instant>(json, NodaTimeOnly) == instant;
    });

    // Text near the shape: a valid instant with one character replaced, dropped or added.
    private static readonly Gen<string> NearlyInstants =
        from instant in Instants
        let text = InstantPattern.ExtendedIso.Format(instant)
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements("0123456789-:.TZ +ez".ToCharArray())
        from edit in Gen.Choose(0, 2)
        select edit switch { 0 => text[..at] + c + text[(at + 1)..], 1 => text.Remove(at, 1), _ => text.Insert(at, c.ToString()) };

    [Property(MaxTest = 3000)]
    public Property Nearly_instants_are_accepted_or_refused_as_NodaTime_does() => Prop.ForAll(NearlyInstants.ToArbitrary(), text =>
    {
        var json = JsonSerializer.Serialize(text);
        Instant? Read(JsonSerializerOptions options)
        {
            try
            {
                return JsonSerializer.Deserialize<Instant>(json, options);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return (Read(Json) == Read(NodaTimeOnly)).Label($"{text}: ours {Read(Json)}, NodaTime's {Read(NodaTimeOnly)}");
    });

    [Theory]
    [InlineData("\"2026-02-29T00:00:00Z\"")]
    [InlineData("\"2026-03-02T01:00:00\"")]
    [InlineData("\"2026-03-02T01:00:00.Z\"")]
    [InlineData("\"2026-03-02T01:00:00.1234567890Z\"")]
    [InlineData("20260302")]
    [InlineData("null")]
    public void Malformed_instants_are_json_errors(string json) => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, Json));

    [Fact]
    public void Escaped_text_is_read_through_NodaTime() =>
        Assert.Equal(Instant.FromUtc(2026, 3, 2, 1, 0), JsonSerializer.Deserialize<Instant>("\"2026-03-02T01:00:00\\u005A\"", Json));
}
