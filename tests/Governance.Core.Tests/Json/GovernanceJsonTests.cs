using System.Text.Json;
using FsCheck.Xunit;
using Governance.Calendars;
using Governance.Json;
using Governance.Organisation;
using Governance.People;

namespace Governance.Tests.Json;

/// <summary>The shared kernel's value types round-trip through <see cref="GovernanceJson.Options"/>; bad input is an error, never a default.</summary>
public class GovernanceJsonTests
{
    private static readonly JsonSerializerOptions Json = GovernanceJson.Options;

    private static readonly Gen<DeadlineGoal> Goals = Gen.OneOf(
        Gen.Choose(0, 100_000).Select(m => DeadlineGoal.Elapsed(Duration.FromMinutes(m) + Duration.FromTicks(m * 7))),
        Gen.Choose(0, 100_000).Select(m => DeadlineGoal.WorkingTime(Duration.FromSeconds(m))),
        from d in Gen.Choose(1, 400) from r in Gen.Elements(DayReading.EndOfDay, DayReading.Rolling) select DeadlineGoal.WorkingDays(d, r),
        from d in Gen.Choose(1, 400) from r in Gen.Elements(DayReading.EndOfDay, DayReading.Rolling) select DeadlineGoal.CalendarDays(d, r));

    private static readonly Gen<Person> People =
        from id in Gen.Choose(1, 10_000)
        from roles in Gen.SubListOf(Enum.GetValues<Role>()).Where(r => r.Count > 0)
        from attributes in Gen.Elements(Enum.GetValues<PersonAttributes>())
        from born in Gen.Frequency((1, Gen.Constant<LocalDate?>(null)), (3, Gen.Choose(0, 30_000).Select(d => (LocalDate?)new LocalDate(1920, 1, 1).PlusDays(d))))
        select new Person($"P{id}", $"居民{id}", roles, attributes, born);

    [Property]
    public Property Deadline_goals_round_trip() =>
        Prop.ForAll(Goals.ToArbitrary(), goal => JsonSerializer.Deserialize<DeadlineGoal>(JsonSerializer.Serialize(goal, Json), Json) == goal);

    [Property]
    public Property People_round_trip_with_their_roles_as_a_set() =>
        Prop.ForAll(People.ToArbitrary(), person =>
        {
            var json = JsonSerializer.Serialize(person, Json);
            var back = JsonSerializer.Deserialize<Person>(json, Json)!;
            return back.Equals(person) && JsonSerializer.Serialize(back, Json) == json;
        });

    [Property]
    public Property Ids_round_trip_as_their_codes(NonEmptyString code) =>
        (string.IsNullOrWhiteSpace(code.Get)
            || (JsonSerializer.Serialize(new Id<Grid>(code.Get), Json) == JsonSerializer.Serialize(code.Get, Json)
                && JsonSerializer.Deserialize<Id<Grid>>(JsonSerializer.Serialize(code.Get, Json), Json) == new Id<Grid>(code.Get))).ToProperty();

    [Fact]
    public void Grid_kinds_and_working_windows_round_trip()
    {
        Assert.Equal(GridKind.Dedicated, JsonSerializer.Deserialize<GridKind>(JsonSerializer.Serialize(GridKind.Dedicated, Json), Json));
        var window = new WorkingWindow(new LocalTime(8, 30), new LocalTime(12, 0));
        Assert.Equal(window, JsonSerializer.Deserialize<WorkingWindow>(JsonSerializer.Serialize(window, Json), Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<GridKind>("""{"code":"basic"}""", Json));
    }

    [Theory]
    [InlineData("""{"kind":"WorkingDays"}""")]
    [InlineData("""{"kind":"Elapsed","days":3}""")]
    [InlineData("""{"kind":"Hours","days":3}""")]
    [InlineData("""{"kind":"WorkingDays","days":0}""")]
    [InlineData("""{"kind":"WorkingDays","days":"3"}""")]
    [InlineData("""{"kind":"WorkingDays","days":3,"reading":"Noon"}""")]
    [InlineData("""{"kind":"WorkingDays","days":3,"extra":1}""")]
    [InlineData("""{"kind":1,"days":3}""")]
    [InlineData("""{}""")]
    [InlineData("""3""")]
    public void Malformed_deadline_goals_are_errors(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DeadlineGoal>(json, Json));

    [Theory]
    [InlineData("\"Monday\"", true)]
    [InlineData("\"monday\"", true)]
    [InlineData("\"Monday,Tuesday\"", false)]
    [InlineData("\"1\"", false)]
    [InlineData("1", false)]
    [InlineData("\"Someday\"", false)]
    public void Enums_are_read_by_name_only(string json, bool valid)
    {
        if (valid)
        {
            Assert.Equal(IsoDayOfWeek.Monday, JsonSerializer.Deserialize<IsoDayOfWeek>(json, Json));
        }
        else
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<IsoDayOfWeek>(json, Json));
        }
    }

    [Fact]
    public void Flags_are_a_list_of_names_and_an_undefined_value_cannot_be_written()
    {
        var both = PersonAttributes.PartyMember | PersonAttributes.LivesAlone;
        Assert.Equal(both, JsonSerializer.Deserialize<PersonAttributes>(JsonSerializer.Serialize(both, Json), Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((Role)99, Json));
    }

    [Fact]
    public void A_member_given_twice_is_an_error() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Person>("""{"id":"P1","name":"a","name":"b","roles":["Resident"]}""", Json));
}
