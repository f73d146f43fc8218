using Governance.Organisation;
using Governance.People;

namespace Governance.Testing;

/// <summary>The seed communities as fixtures (seed 001: 九龙社区, 灵山卫街道).</summary>
public static class SeedCommunities
{
    public static readonly Id<SubDistrict> LingShanWei = "LSW";
    public static readonly Id<Community> JiuLongId = "JL";

    /// <summary>The grid worker of grid <paramref name="grid"/> (1–8).</summary>
    public static Id<Person> GridWorker(int grid) => $"JL-GW{grid}";

    /// <summary>Grid <paramref name="grid"/> (1–8).</summary>
    public static Id<Grid> Grid(int grid) => $"JL-G{grid}";

    /// <summary>The grid leader of grids 1–4 (leader 1) and 5–8 (leader 2).</summary>
    public static Id<Person> GridLeader(int leader) => $"JL-GL{leader}";

    public static readonly Id<Person> CommunitySecretary = "JL-CC1";
    public static readonly Id<Person> CommunityDirector = "JL-CC2";
    public static readonly Id<Person> SubDistrictOfficer = "LSW-O1";
    public static readonly Id<Person> Supervisor = "LSW-S1";
    public static readonly Id<Person> PoliceLiaison = "DEPT-POLICE";
    public static readonly Id<Person> LawEnforcementLiaison = "DEPT-LAW";
    public static readonly Id<Person> MarketRegulationLiaison = "DEPT-MARKET";
    public static readonly Id<Person> PropertyLiaison = "DEPT-PROPERTY";
    public static readonly Id<Person> Resident = "JL-R1";
    public static readonly Id<Person> Rider = "JL-PT1";

    /// <summary>
    /// 九龙社区: 8 grids; 25 buildings with 37 units = 37 micro-grids (buildings 1–12 have two units, 13–25 one);
    /// 8 grid workers, 2 grid leaders, 8 stewards over 4 compounds, 25 building heads, 37 cooperative cadres,
    /// 37 party-member volunteers, 37 resident representatives (one of each per micro-grid, with the building's head),
    /// the community committee, four department liaisons, a part-time rider.
    /// </summary>
    public static OrganisationModelBuilder JiuLongBuilder()
    {
        var b = new OrganisationModelBuilder()
            .Add(new SubDistrict(LingShanWei, "灵山卫街道"))
            .Add(new Community(JiuLongId, "九龙社区", LingShanWei, EscalationLadder.WithCooperative));
        for (var g = 1; g <= 8; g++)
        {
            b.Add(new Organisation.Grid(Grid(g), $"第{g}网格", JiuLongId, GridKind.Basic));
            b.Add(new Person(GridWorker(g), $"网格员{g}", [Role.GridWorker]));
            b.Add(new GridAssignment(GridWorker(g), Grid(g), Role.GridWorker));
            b.Add(new GridAssignment(GridLeader(g <= 4 ? 1 : 2), Grid(g), Role.GridLeader));
        }

        b.Add(new Person(GridLeader(1), "网格长甲", [Role.GridLeader]));
        b.Add(new Person(GridLeader(2), "网格长乙", [Role.GridLeader]));
        for (var c = 1; c <= 4; c++)
        {
            b.Add(new Compound($"JL-C{c}", $"九龙{c}区", JiuLongId));
            for (var s = 1; s <= 2; s++)
            {
                var steward = $"JL-ST{((c - 1) * 2) + s}";
                b.Add(new Person(steward, $"物业管家{((c - 1) * 2) + s}", [Role.PropertySteward]));
                b.Add(new StewardAssignment(steward, $"JL-C{c}"));
            }
        }

        var unit = 0;
        for (var building = 1; building <= 25; building++)
        {
            Id<Building> bid = $"JL-B{building}";
            b.Add(new Building(bid, $"{building}号楼", JiuLongId, $"JL-C{((building - 1) % 4) + 1}"));
            var units = building <= 12 ? 2 : 1;
            for (var u = 1; u <= units; u++)
            {
                unit++;
                b.Add(new MicroGrid($"JL-M{unit}", $"{building}号楼{u}单元", Grid(((building - 1) % 8) + 1)));
                b.Add(new BuildingUnit($"JL-B{building}-U{u}", bid, u, $"JL-M{unit}"));
            }

            // Attributes cycle so every quota category has candidates, some in two categories.
            var attributes = (building % 5) switch
            {
                0 => PersonAttributes.PartyMember,
                1 => PersonAttributes.ResidentGroupLeader,
                2 => PersonAttributes.ResidentRepresentative,
                3 => PersonAttributes.PartyMember | PersonAttributes.ResidentRepresentative,
                _ => PersonAttributes.ResidentGroupLeader | PersonAttributes.PartyMember,
            };
            var head = $"JL-BH{building}";
            b.Add(new Person(head, $"楼长{building}", [Role.BuildingHead], attributes, new LocalDate(1950 + building, 3, 1)));
            b.Add(new BuildingHeadAssignment(head, bid));
            for (var u = unit - units + 1; u <= unit; u++)
            {
                b.Add(new MicroGridAssignment(head, $"JL-M{u}", Role.BuildingHead));   // 楼长 handles the units of the building
            }
        }

        for (var i = 1; i <= 37; i++)
        {
            b.Add(new Person($"JL-CD{i}", $"经合社干部{i}", [Role.CooperativeCadre]));
            b.Add(new Person($"JL-PV{i}", $"党员志愿者{i}", [Role.PartyMemberVolunteer], PersonAttributes.PartyMember));
            b.Add(new Person($"JL-RR{i}", $"居民代表{i}", [Role.ResidentRepresentative], PersonAttributes.ResidentRepresentative));
            b.Add(new MicroGridAssignment($"JL-PV{i}", $"JL-M{i}", Role.PartyMemberVolunteer));
            b.Add(new MicroGridAssignment($"JL-RR{i}", $"JL-M{i}", Role.ResidentRepresentative));
        }

        b.Add(new Person(CommunitySecretary, "社区书记", [Role.CommunityCommittee], PersonAttributes.PartyMember));
        b.Add(new Person(CommunityDirector, "社区主任", [Role.CommunityCommittee]));
        b.Add(new Person(SubDistrictOfficer, "街道干部", [Role.SubDistrictOfficer]));
        b.Add(new Person(Supervisor, "督导员", [Role.Supervisor]));
        b.Add(new Person(PoliceLiaison, "灵山卫派出所", [Role.DepartmentLiaison]));
        b.Add(new Person(LawEnforcementLiaison, "综合执法中队", [Role.DepartmentLiaison]));
        b.Add(new Person(MarketRegulationLiaison, "市场监管所", [Role.DepartmentLiaison]));
        b.Add(new Person(PropertyLiaison, "物业公司", [Role.DepartmentLiaison]));
        b.Add(new DepartmentAssignment(PoliceLiaison, "police"));
        b.Add(new DepartmentAssignment(LawEnforcementLiaison, "law-enforcement"));
        b.Add(new DepartmentAssignment(MarketRegulationLiaison, "market-regulation"));
        b.Add(new DepartmentAssignment(PropertyLiaison, "property"));
        b.Add(new Person(Resident, "王阿姨", [Role.Resident], birthDate: new LocalDate(1948, 5, 2)));
        b.Add(new Person(Rider, "外卖骑手小李", [Role.PartTimeGridWorker]));
        b.Add(new GridAssignment(Rider, Grid(3), Role.PartTimeGridWorker));
        return b;
    }

    public static OrganisationModel JiuLong() => JiuLongBuilder().Build();
}
