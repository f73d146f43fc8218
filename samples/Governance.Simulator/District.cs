using Governance.Organisation;
using Governance.People;

/// <summary>
/// The simulated district, built by the host as any app would: 九龙社区's shape from seed 001 (8 grids, 25 buildings,
/// 37 units as micro-grids, one grid worker per grid, a grid leader per 4 grids, 25 building heads, the committee,
/// department liaisons, elderly residents), repeated per 8 grids for larger runs.
/// </summary>
internal sealed class District
{
    public required OrganisationModel Organisation { get; init; }

    public required IReadOnlyList<Id<Grid>> Grids { get; init; }

    public required IReadOnlyDictionary<Id<Grid>, Id<Person>> WorkerOf { get; init; }

    /// <summary>Every grid worker of each grid (the first is <see cref="WorkerOf"/>).</summary>
    public required IReadOnlyDictionary<Id<Grid>, IReadOnlyList<Id<Person>>> WorkersOf { get; init; }

    public required IReadOnlyDictionary<Id<Grid>, Id<Person>> LeaderOf { get; init; }

    public required IReadOnlyDictionary<Id<Grid>, IReadOnlyList<Id<Building>>> BuildingsOf { get; init; }

    public required IReadOnlyDictionary<Id<Grid>, Id<Person>> SecretaryOf { get; init; }

    public required IReadOnlyList<Person> BuildingHeads { get; init; }

    public required IReadOnlyList<Person> Elderly { get; init; }

    public required IReadOnlyList<Person> Volunteers { get; init; }

    public required IReadOnlyDictionary<string, Id<Person>> Liaisons { get; init; }

    /// <summary>Builds the district.</summary>
    /// <param name="grids">How many grids.</param>
    /// <param name="workersPerGrid">Grid workers per grid.</param>
    /// <param name="staff">Overrides: grid number (from 1) → its grid workers.</param>
    public static District Build(int grids, int workersPerGrid = 1, IReadOnlyDictionary<int, int>? staff = null)
    {
        var workersOf = new Dictionary<Id<Grid>, IReadOnlyList<Id<Person>>>();
        var b = new OrganisationModelBuilder().Add(new SubDistrict("LSW", "灵山卫街道"));
        var gridIds = new List<Id<Grid>>();
        var worker = new Dictionary<Id<Grid>, Id<Person>>();
        var leader = new Dictionary<Id<Grid>, Id<Person>>();
        var secretary = new Dictionary<Id<Grid>, Id<Person>>();
        var buildings = new Dictionary<Id<Grid>, List<Id<Building>>>();
        var heads = new List<Person>();
        var elderly = new List<Person>();
        var volunteers = new List<Person>();
        var communities = (grids + 7) / 8;
        for (var c = 1; c <= communities; c++)
        {
            var community = $"C{c}";
            b.Add(new Community(community, c == 1 ? "九龙社区" : $"第{c}社区", "LSW", EscalationLadder.Standard));
            var sec = new Person($"{community}-SEC", $"{community}社区书记", [Role.CommunityCommittee], PersonAttributes.PartyMember);
            b.Add(sec);
            var gridsHere = Math.Min(8, grids - ((c - 1) * 8));
            for (var g = 1; g <= gridsHere; g++)
            {
                Id<Grid> grid = $"{community}-G{g}";
                gridIds.Add(grid);
                secretary[grid] = sec.Id;
                b.Add(new Grid(grid, $"{community}第{g}网格", community, GridKind.Basic));
                Id<Person> gw = $"{community}-GW{g}";
                Id<Person> gl = $"{community}-GL{((g - 1) / 4) + 1}";
                b.Add(new Person(gw, $"{community}网格员{g}", [Role.GridWorker]));
                var count = staff is not null && staff.TryGetValue(gridIds.Count, out var n) ? n : workersPerGrid;
                var team = new List<Id<Person>> { gw };
                for (var extra = 2; extra <= count; extra++)
                {
                    Id<Person> more = $"{community}-GW{g}-{extra}";
                    b.Add(new Person(more, $"{community}网格员{g}-{extra}", [Role.GridWorker])).Add(new GridAssignment(more, grid, Role.GridWorker));
                    team.Add(more);
                }

                workersOf[grid] = team;
                if (g % 4 == 1)
                {
                    b.Add(new Person(gl, $"{community}网格长{((g - 1) / 4) + 1}", [Role.GridLeader]));
                }

                b.Add(new GridAssignment(gw, grid, Role.GridWorker)).Add(new GridAssignment(gl, grid, Role.GridLeader));
                worker[grid] = gw;
                leader[grid] = gl;
                buildings[grid] = [];
            }

            // 25 buildings over the community's grids; buildings 1–12 have two units (37 units = 37 micro-grids).
            var unit = 0;
            for (var building = 1; building <= 25; building++)
            {
                var grid = gridIds[^gridsHere..][(building - 1) % gridsHere];
                Id<Building> bid = $"{community}-B{building}";
                b.Add(new Building(bid, $"{building}号楼", community));
                buildings[grid].Add(bid);
                for (var u = 1; u <= (building <= 12 ? 2 : 1); u++)
                {
                    unit++;
                    b.Add(new MicroGrid($"{community}-M{unit}", $"{building}号楼{u}单元", grid));
                    b.Add(new BuildingUnit($"{bid}-U{u}", bid, u, $"{community}-M{unit}"));
                }

                var attributes = (building % 5) switch
                {
                    0 => PersonAttributes.PartyMember,
                    1 => PersonAttributes.ResidentGroupLeader,
                    2 => PersonAttributes.ResidentRepresentative,
                    3 => PersonAttributes.PartyMember | PersonAttributes.ResidentRepresentative,
                    _ => PersonAttributes.ResidentGroupLeader | PersonAttributes.PartyMember,
                };
                var head = new Person($"{community}-BH{building}", $"楼长{community}-{building}", [Role.BuildingHead], attributes, new LocalDate(1948 + building, 3, 1));
                b.Add(head).Add(new BuildingHeadAssignment(head.Id, bid));
                heads.Add(head);
            }

            for (var i = 1; i <= 20; i++)
            {
                var old = new Person($"{community}-E{i}", $"老人{community}-{i}", [Role.Resident], i % 4 == 0 ? PersonAttributes.LivesAlone : PersonAttributes.None, new LocalDate(1936 + i, (i % 12) + 1, 10));
                b.Add(old);
                elderly.Add(old);
                var volunteer = new Person($"{community}-V{i}", $"志愿者{community}-{i}", [Role.PartyMemberVolunteer], PersonAttributes.PartyMember, new LocalDate(1960 + i, 6, 1));
                b.Add(volunteer);
                volunteers.Add(volunteer);
            }
        }

        var liaisons = new Dictionary<string, Id<Person>>();
        foreach (var department in new[] { Governance.Cases.Department.Police, Governance.Cases.Department.LawEnforcement, Governance.Cases.Department.MarketRegulation, Governance.Cases.Department.PropertyCompany })
        {
            var p = new Person($"DEPT-{department.Code}", department.DisplayName, [Role.DepartmentLiaison]);
            b.Add(p);
            b.Add(new DepartmentAssignment(p.Id, department.Code));   // only a department's own liaison reports in for it
            liaisons[department.Code] = p.Id;
        }

        b.Add(new Person("LSW-S1", "督导员", [Role.Supervisor]));
        return new District
        {
            Organisation = b.Build(),
            Grids = gridIds,
            WorkerOf = worker,
            WorkersOf = workersOf,
            LeaderOf = leader,
            SecretaryOf = secretary,
            BuildingsOf = buildings.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Id<Building>>)kv.Value),
            BuildingHeads = heads,
            Elderly = elderly,
            Volunteers = volunteers,
            Liaisons = liaisons,
        };
    }
}
