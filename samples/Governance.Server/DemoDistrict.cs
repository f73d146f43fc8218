using Governance.Cases;
using Governance.Organisation;
using Governance.People;
using Governance.TimeBank;

namespace Governance.Server;

/// <summary>
/// 演示辖区 — the district a new host starts with: 九龙社区's shape from seed 001 under 灵山卫街道 (8 grids, 25 buildings,
/// 37 units as micro-grids, a grid worker per grid, a grid leader per 4 grids, a building head per building, the community
/// secretary, department liaisons, residents and party-member volunteers, a supervisor and a sub-district officer).
/// </summary>
internal static class DemoDistrict
{
    /// <summary>When the demo organisation takes effect.</summary>
    public static readonly Instant EffectiveFrom = Instant.FromUtc(2025, 1, 1, 0, 0);

    public static OrganisationModel Build()
    {
        var b = new OrganisationModelBuilder()
            .Add(new SubDistrict("LSW", "灵山卫街道"))
            .Add(new Community("C1", "九龙社区", "LSW", EscalationLadder.Standard))
            .Add(new Person("C1-SEC", "九龙社区书记", [Role.CommunityCommittee], PersonAttributes.PartyMember))
            .Add(new Person("LSW-S1", "督导员", [Role.Supervisor]))
            .Add(new Person("LSW-O1", "街道干部", [Role.SubDistrictOfficer]));
        for (var g = 1; g <= 8; g++)
        {
            Id<Grid> grid = $"C1-G{g}";
            b.Add(new Grid(grid, $"九龙社区第{g}网格", "C1", GridKind.Basic))
                .Add(new Person($"C1-GW{g}", $"网格员{g}", [Role.GridWorker]))
                .Add(new GridAssignment($"C1-GW{g}", grid, Role.GridWorker));
            if (g % 4 == 1)
            {
                b.Add(new Person($"C1-GL{((g - 1) / 4) + 1}", $"网格长{((g - 1) / 4) + 1}", [Role.GridLeader]));
            }

            b.Add(new GridAssignment($"C1-GL{((g - 1) / 4) + 1}", grid, Role.GridLeader));
        }

        var unit = 0;
        for (var building = 1; building <= 25; building++)
        {
            Id<Building> id = $"C1-B{building}";
            b.Add(new Building(id, $"{building}号楼", "C1"));
            for (var u = 1; u <= (building <= 12 ? 2 : 1); u++)
            {
                unit++;
                b.Add(new MicroGrid($"C1-M{unit}", $"{building}号楼{u}单元", GridOf(building)))
                    .Add(new BuildingUnit($"{id}-U{u}", id, u, $"C1-M{unit}"));
            }

            var head = new Person($"C1-BH{building}", $"{building}号楼楼长", [Role.BuildingHead],
                building % 2 == 0 ? PersonAttributes.PartyMember : PersonAttributes.ResidentGroupLeader, new LocalDate(1950 + building, 3, 1));
            b.Add(head).Add(new BuildingHeadAssignment(head.Id, id));
        }

        for (var i = 1; i <= 20; i++)
        {
            b.Add(new Person($"C1-R{i}", $"居民{i}", [Role.Resident], i % 4 == 0 ? PersonAttributes.LivesAlone : PersonAttributes.None, new LocalDate(1940 + i, (i % 12) + 1, 10)))
                .Add(new Person($"C1-V{i}", $"志愿者{i}", [Role.PartyMemberVolunteer], PersonAttributes.PartyMember, new LocalDate(1965 + i, 6, 1)));
        }

        foreach (var department in new[] { Department.Police, Department.LawEnforcement, Department.MarketRegulation, Department.PropertyCompany })
        {
            b.Add(new Person($"DEPT-{department.Code}", department.DisplayName, [Role.DepartmentLiaison]))
                .Add(new DepartmentAssignment($"DEPT-{department.Code}", department.Code));
        }

        return b.Build();
    }

    /// <summary>The grid of a building: buildings are dealt to the 8 grids in turn.</summary>
    public static Id<Grid> GridOf(int building) => $"C1-G{((building - 1) % 8) + 1}";

    /// <summary>
    /// Opens an account for every resident, volunteer and building head that has none; each volunteer 志愿者i is registered
    /// as a direct relative of 居民i when their accounts are opened (so gifts between them are allowed).
    /// </summary>
    public static void OpenAccounts(TimeBankLedger ledger, OrganisationModel organisation)
    {
        var open = ledger.Accounts.Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var person in organisation.People)
        {
            if ((person.HasRole(Role.Resident) || person.HasRole(Role.PartyMemberVolunteer) || person.HasRole(Role.BuildingHead)) && open.Add(person.Id.Value))
            {
                ledger.OpenPersonAccount(person);
                if (person.Id.Value.StartsWith("C1-V", StringComparison.Ordinal) && organisation.TryGetPerson($"C1-R{person.Id.Value[4..]}", out var relative)
                    && open.Contains(relative!.Id.Value))
                {
                    ledger.RegisterRelation(person.Id, relative.Id, RelationKind.DirectRelative);
                }
            }
        }
    }
}
