using FsCheck.Xunit;
using Governance.Organisation;
using Governance.People;
using Governance.Testing;
using Governance.Validation;

namespace Governance.Tests.Organisation;

public class OrganisationModelTests
{
    [Fact]
    public void JiuLong_has_the_numbers_of_seed_001()
    {
        var model = SeedCommunities.JiuLong();
        Assert.Equal(8, model.Grids.Count);
        Assert.Equal(25, model.Buildings.Count);
        Assert.Equal(37, model.Units.Count);
        Assert.Equal(37, model.MicroGrids.Count);
        Assert.Equal(8, model.People.Count(p => p.HasRole(Role.GridWorker)));
        Assert.Equal(8, model.People.Count(p => p.HasRole(Role.PropertySteward)));
        Assert.Equal(25, model.BuildingHeads.Count);
        Assert.Equal(37, model.People.Count(p => p.HasRole(Role.CooperativeCadre)));
        Assert.Equal(37, model.People.Count(p => p.HasRole(Role.PartyMemberVolunteer)));
        Assert.Equal(37, model.People.Count(p => p.HasRole(Role.ResidentRepresentative)));
    }

    [Fact]
    public void Navigation_follows_the_four_levels()
    {
        var model = SeedCommunities.JiuLong();
        var grid = model.GridOf(model.MicroGridOf("JL-B3-U1").Id);
        Assert.Equal(SeedCommunities.Grid(3), grid.Id);
        Assert.Equal("九龙社区", model.CommunityOf(grid.Id).Name);
        Assert.Equal("灵山卫街道", model.SubDistrictOf(SeedCommunities.JiuLongId).Name);
        Assert.True(model.IsAssigned(SeedCommunities.GridWorker(3), grid.Id, Role.GridWorker));
        Assert.Equal("楼长3", model.BuildingHeadOf("JL-B3")!.Name);
        Assert.Equal(OrganisationLevel.Cooperative, model.LadderFor(grid.Id).Next(OrganisationLevel.Grid));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var builder = SeedCommunities.JiuLongBuilder()
            .Add(new Grid(SeedCommunities.Grid(1), "重复", SeedCommunities.JiuLongId, GridKind.Basic))
            .Add(new MicroGrid("JL-M1", "换网格", SeedCommunities.Grid(2)))
            .Add(new BuildingUnit("JL-B99-U1", "JL-B1", 9, "JL-M404"))
            .Add(new GridAssignment(SeedCommunities.GridWorker(1), "JL-G404", Role.GridWorker));
        var e = Assert.Throws<ValidationFailedException>(() => builder.Build());
        Assert.Equal(4, e.Errors.Count);
        Assert.Contains(e.Errors, x => x.Message.Contains("duplicate grid id 'JL-G1'"));
        Assert.Contains(e.Errors, x => x.Message.Contains("is in two grids"));
        Assert.Contains(e.Errors, x => x.Message.Contains("has no micro-grid"));
        Assert.Contains(e.Errors, x => x.Message.Contains("'JL-G404', which is not in the model"));
    }

    [Fact]
    public void Ladders_go_strictly_up()
    {
        var e = Assert.Throws<ArgumentException>(() => new EscalationLadder([OrganisationLevel.Community, OrganisationLevel.Grid]));
        Assert.Equal("levels", e.ParamName);
        Assert.Null(EscalationLadder.Standard.Next(OrganisationLevel.SubDistrict));
        Assert.Equal(OrganisationLevel.Community, EscalationLadder.Standard.Next(OrganisationLevel.Grid));
    }

    /// <summary>A valid random community: g grids, b buildings of 1–3 units, a grid worker per grid.</summary>
    private static readonly Gen<OrganisationModelBuilder> ValidModels =
        from grids in Gen.Choose(1, 6)
        from units in Gen.ListOf(Gen.Choose(1, 3)).Where(l => l.Count is > 0 and < 10)
        select RandomCommunity(grids, units.ToArray());

    private static OrganisationModelBuilder RandomCommunity(int grids, int[] unitsPerBuilding)
    {
        var b = new OrganisationModelBuilder()
            .Add(new SubDistrict("S", "街道"))
            .Add(new Community("C", "社区", "S", EscalationLadder.Standard));
        for (var g = 0; g < grids; g++)
        {
            b.Add(new Grid($"G{g}", $"网格{g}", "C", GridKind.Basic));
            b.Add(new Person($"W{g}", $"网格员{g}", [Role.GridWorker]));
            b.Add(new GridAssignment($"W{g}", $"G{g}", Role.GridWorker));
        }

        var m = 0;
        for (var i = 0; i < unitsPerBuilding.Length; i++)
        {
            b.Add(new Building($"B{i}", $"{i}号楼", "C"));
            for (var u = 1; u <= unitsPerBuilding[i]; u++)
            {
                b.Add(new MicroGrid($"M{m}", $"微网格{m}", $"G{m % grids}"));
                b.Add(new BuildingUnit($"B{i}-U{u}", $"B{i}", u, $"M{m}"));
                m++;
            }

            b.Add(new Person($"H{i}", $"楼长{i}", [Role.BuildingHead]));
            b.Add(new BuildingHeadAssignment($"H{i}", $"B{i}"));
        }

        return b;
    }

    private static readonly (string Name, Action<OrganisationModelBuilder> Break)[] Breakages =
    [
        ("duplicate grid", b => b.Add(new Grid("G0", "再来", "C", GridKind.Basic))),
        ("micro-grid in two grids", b => b.Add(new MicroGrid("M0", "x", "G404"))),
        ("unit with no micro-grid", b => b.Add(new BuildingUnit("B0-U9", "B0", 9, "M404"))),
        ("assignment to unknown grid", b => b.Add(new GridAssignment("W0", "G404", Role.GridWorker))),
        ("unknown community", b => b.Add(new Grid("G405", "x", "C404", GridKind.Dedicated))),
        ("role not held", b => b.Add(new BuildingHeadAssignment("W0", "B0"))),
        ("building without units", b => b.Add(new Building("B404", "空楼", "C"))),
        ("duplicate person", b => b.Add(new Person("W0", "又一个", [Role.Resident]))),
        ("assignment of unknown person", b => b.Add(new GridAssignment("P404", "G0", Role.GridWorker))),
    ];

    [Property]
    public Property Validation_accepts_every_generated_valid_model() =>
        Prop.ForAll(ValidModels.ToArbitrary(), b => b.Validate().Count == 0 && b.Build().Grids.Count > 0);

    [Property]
    public Property Validation_rejects_every_generated_malformed_model() =>
        Prop.ForAll(
            (from b in ValidModels from breaks in Gen.SubListOf(Enumerable.Range(0, Breakages.Length)).Where(l => l.Count > 0) select (b, breaks)).ToArbitrary(),
            x =>
            {
                foreach (var i in x.breaks)
                {
                    Breakages[i].Break(x.b);
                }

                var e = Assert.Throws<ValidationFailedException>(() => x.b.Build());
                return e.Errors.Count >= x.breaks.Count;
            });

    [Fact]
    public void A_person_without_a_role_or_with_a_role_left_unset_is_refused()
    {
        Assert.False(Enum.IsDefined(default(Role)));
        Assert.Throws<ArgumentException>(() => new Person("P1", "居民", []));
        Assert.Contains("not a role", Assert.Throws<ArgumentException>(() => new Person("P1", "居民", [default])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Person("P1", "居民", [Role.Resident, (Role)99]));
        Assert.Throws<ArgumentException>(() => new Person(default, "居民", [Role.Resident]));
    }

    [Fact]
    public void A_community_without_an_escalation_ladder_is_a_validation_error_not_a_later_null_reference()
    {
        var b = SeedCommunities.JiuLongBuilder().Add(new Community("JL2", "第二社区", SeedCommunities.LingShanWei, null!));
        var e = Assert.Throws<ValidationFailedException>(() => b.Build());
        Assert.Contains(e.Errors, x => x.Path == "communities[JL2]" && x.Message.Contains("escalation ladder", StringComparison.Ordinal));
    }
}
