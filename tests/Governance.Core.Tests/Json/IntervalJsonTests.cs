using System.Text.Json;
using FsCheck.Xunit;
using Governance.Json;
using NodaTime.Serialization.SystemTextJson;
using Interval = NodaTime.Interval;

namespace Governance.Tests.Json;

/// <summary>Intervals are written as NodaTime writes them and read strictly: what NodaTime's converter skips is refused.</summary>
public class IntervalJsonTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;
    private static readonly JsonSerializerOptions NodaTimeOnly = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static readonly Gen<Interval> Intervals =
        from start in Gen.Choose(-1, 1_000_000)
        from length in Gen.Choose(-1, 1_000_000)
        select new Interval(
            start < 0 ? null : T0 + Duration.FromSeconds(start),
            length < 0 ? null : T0 + Duration.FromSeconds(Math.Max(start, 0) + length));

    [Property(MaxTest = 500)]
    public Property Every_interval_round_trips_as_NodaTime_writes_and_reads_it() => Prop.ForAll(Intervals.ToArbitrary(), interval =>
    {
        var json = JsonSerializer.Serialize(interval, Json);
        return (json == JsonSerializer.Serialize(interval, NodaTimeOnly)
            && JsonSerializer.Deserialize<Interval>(json, Json) == interval
            && JsonSerializer.Deserialize<Interval>(json, NodaTimeOnly) == interval).Label(json);
    });

    [Theory]
    [InlineData("""{"start":"2026-03-02T01:00:00Z","strat":"2026-03-02T02:00:00Z"}""", "no member 'strat'")]
    [InlineData("""{"start":"2026-03-02T01:00:00Z","start":"2026-03-02T02:00:00Z"}""", "'start' twice")]
    [InlineData("""{"start":null}""", "cannot be null")]
    [InlineData("""{"start":"2026-03-02T02:00:00Z","end":"2026-03-02T01:00:00Z"}""", "before its start")]
    [InlineData("""["2026-03-02T01:00:00Z"]""", "as an object")]
    [InlineData("""{"end":5}""", "as a string")]
    public void What_NodaTime_skips_or_throws_on_is_refused_with_a_reason(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Interval>(json, Json)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_typo_NodaTime_reads_as_an_infinite_start_is_an_error_here()
    {
        const string typo = """{"strat":"2026-03-02T01:00:00Z","end":"2026-03-02T02:00:00Z"}""";
        Assert.False(JsonSerializer.Deserialize<Interval>(typo, NodaTimeOnly).HasStart);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Interval>(typo, Json));
    }
}
