using Governance.Organisation;
using Governance.Validation;
using static Governance.Testing.SeedCommunities;

namespace Governance.Tests.Organisation;

/// <summary>The organisation written as JSON reads back to an equal model; malformed or invalid JSON is refused with its path.</summary>
public sealed class OrganisationModelJsonTests
{
    [Fact]
    public void The_seed_community_round_trips()
    {
        var model = JiuLong();
        var json = model.ToJson();
        var back = OrganisationModel.FromJson(json);

        Assert.Equal(model.SubDistricts, back.SubDistricts);
        Assert.Equal(model.Communities, back.Communities);
        Assert.Equal(model.Grids, back.Grids);
        Assert.Equal(model.MicroGrids, back.MicroGrids);
        Assert.Equal(model.Compounds, back.Compounds);
        Assert.Equal(model.Buildings, back.Buildings);
        Assert.Equal(model.Units, back.Units);
        Assert.Equal(model.People, back.People);
        Assert.Equal(model.GridAssignments, back.GridAssignments);
        Assert.Equal(model.BuildingHeads, back.BuildingHeads);
        Assert.Equal(model.Stewards, back.Stewards);
        Assert.Equal(json, back.ToJson());
        Assert.Contains("\"ladder\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "$")]
    [InlineData("not json", "$")]
    [InlineData("null", "$")]
    public void Malformed_json_is_a_validation_error(string json, string pathStart)
    {
        var e = Assert.Throws<ValidationFailedException>(() => OrganisationModel.FromJson(json));
        Assert.StartsWith(pathStart, e.Errors[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_member_a_null_entry_or_a_dangling_reference_is_refused_naming_it()
    {
        var json = JiuLong().ToJson();
        var unknown = Assert.Throws<ValidationFailedException>(() => OrganisationModel.FromJson(json.Replace("\"grids\":", "\"grid\":[],\"grids\":", StringComparison.Ordinal)));
        Assert.Contains("grid", unknown.Errors[0].Message + unknown.Errors[0].Path, StringComparison.Ordinal);

        var nulls = Assert.Throws<ValidationFailedException>(() => OrganisationModel.FromJson(json.Replace("\"grids\":[", "\"grids\":[null,", StringComparison.Ordinal)));
        Assert.Equal("$.grids[0]", nulls.Errors[0].Path);

        var dangling = Assert.Throws<ValidationFailedException>(() => OrganisationModel.FromJson(json.Replace("\"communityId\":\"JL\"", "\"communityId\":\"XX\"", StringComparison.Ordinal)));
        Assert.Contains(dangling.Errors, e => e.Message.Contains("'XX'", StringComparison.Ordinal));
    }
}
