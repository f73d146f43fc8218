using Governance.People;
using Governance.Resources;

namespace Governance.Organisation;

/// <summary>
/// 组织架构 — a validated, immutable model of a sub-district's grid organisation
/// (街道 → 社区 → 网格 → 微网格), its buildings and units, its people and who works where.
/// Build one with <see cref="OrganisationModelBuilder"/>.
/// </summary>
/// <threadsafety>Immutable once built: safe to share between threads.</threadsafety>
public sealed partial class OrganisationModel
{
    private readonly Dictionary<Id<SubDistrict>, SubDistrict> _subDistricts;
    private readonly Dictionary<Id<Community>, Community> _communities;
    private readonly Dictionary<Id<Grid>, Grid> _grids;
    private readonly Dictionary<Id<MicroGrid>, MicroGrid> _microGrids;
    private readonly Dictionary<Id<Building>, Building> _buildings;
    private readonly Dictionary<Id<BuildingUnit>, BuildingUnit> _units;
    private readonly Dictionary<Id<Compound>, Compound> _compounds;
    private readonly Dictionary<Id<Person>, Person> _people;
    private readonly HashSet<GridAssignment> _gridAssignmentSet;
    private readonly HashSet<MicroGridAssignment> _microGridAssignmentSet;
    private readonly HashSet<DepartmentAssignment> _departmentAssignmentSet;

    internal OrganisationModel(
        IReadOnlyList<SubDistrict> subDistricts,
        IReadOnlyList<Community> communities,
        IReadOnlyList<Grid> grids,
        IReadOnlyList<MicroGrid> microGrids,
        IReadOnlyList<Compound> compounds,
        IReadOnlyList<Building> buildings,
        IReadOnlyList<BuildingUnit> units,
        IReadOnlyList<Person> people,
        IReadOnlyList<GridAssignment> gridAssignments,
        IReadOnlyList<BuildingHeadAssignment> buildingHeads,
        IReadOnlyList<StewardAssignment> stewards,
        IReadOnlyList<MicroGridAssignment> microGridAssignments,
        IReadOnlyList<DepartmentAssignment> departmentAssignments)
    {
        SubDistricts = subDistricts;
        Communities = communities;
        Grids = grids;
        MicroGrids = microGrids;
        Compounds = compounds;
        Buildings = buildings;
        Units = units;
        People = people;
        GridAssignments = gridAssignments;
        BuildingHeads = buildingHeads;
        Stewards = stewards;
        MicroGridAssignments = microGridAssignments;
        DepartmentAssignments = departmentAssignments;
        _microGridAssignmentSet = microGridAssignments.ToHashSet();
        _departmentAssignmentSet = departmentAssignments.ToHashSet();
        _subDistricts = subDistricts.ToDictionary(x => x.Id);
        _communities = communities.ToDictionary(x => x.Id);
        _grids = grids.ToDictionary(x => x.Id);
        _microGrids = microGrids.ToDictionary(x => x.Id);
        _buildings = buildings.ToDictionary(x => x.Id);
        _units = units.ToDictionary(x => x.Id);
        _compounds = compounds.ToDictionary(x => x.Id);
        _people = people.ToDictionary(x => x.Id);
        _gridAssignmentSet = gridAssignments.ToHashSet();
    }

    /// <summary>The sub-districts (街道).</summary>
    public IReadOnlyList<SubDistrict> SubDistricts { get; }

    /// <summary>The communities (社区).</summary>
    public IReadOnlyList<Community> Communities { get; }

    /// <summary>The grids (网格).</summary>
    public IReadOnlyList<Grid> Grids { get; }

    /// <summary>The micro-grids (微网格).</summary>
    public IReadOnlyList<MicroGrid> MicroGrids { get; }

    /// <summary>The compounds (小区).</summary>
    public IReadOnlyList<Compound> Compounds { get; }

    /// <summary>The buildings (楼栋).</summary>
    public IReadOnlyList<Building> Buildings { get; }

    /// <summary>The building units (单元).</summary>
    public IReadOnlyList<BuildingUnit> Units { get; }

    /// <summary>The people (人员).</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Who works which grid, in which role.</summary>
    public IReadOnlyList<GridAssignment> GridAssignments { get; }

    /// <summary>The building heads (楼长) of the buildings.</summary>
    public IReadOnlyList<BuildingHeadAssignment> BuildingHeads { get; }

    /// <summary>The property stewards (物业管家) of the compounds.</summary>
    public IReadOnlyList<StewardAssignment> Stewards { get; }

    /// <summary>Who handles each micro-grid's cases (微网格分工).</summary>
    public IReadOnlyList<MicroGridAssignment> MicroGridAssignments { get; }

    /// <summary>The departments' liaisons (部门联络员).</summary>
    public IReadOnlyList<DepartmentAssignment> DepartmentAssignments { get; }

    /// <summary>The grid with this id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="ArgumentException">No grid has this id.</exception>
    public Grid Grid(Id<Grid> id) => Get(_grids, id, nameof(id), "NounGrid");

    /// <summary>The community with this id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="ArgumentException">No community has this id.</exception>
    public Community Community(Id<Community> id) => Get(_communities, id, nameof(id), "NounCommunity");

    /// <summary>The person with this id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="ArgumentException">No person has this id.</exception>
    public Person Person(Id<Person> id) => Get(_people, id, nameof(id), "NounPerson");

    /// <summary>The building with this id.</summary>
    /// <param name="id">The id.</param>
    /// <exception cref="ArgumentException">No building has this id.</exception>
    public Building Building(Id<Building> id) => Get(_buildings, id, nameof(id), "NounBuilding");

    /// <summary>Looks up a person without throwing.</summary>
    /// <param name="id">The id.</param>
    /// <param name="person">The person, when found.</param>
    public bool TryGetPerson(Id<Person> id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Person? person) =>
        _people.TryGetValue(id, out person);

    /// <summary>Whether a grid with this id exists.</summary>
    /// <param name="id">The id.</param>
    public bool ContainsGrid(Id<Grid> id) => _grids.ContainsKey(id);

    /// <summary>The grid a micro-grid belongs to.</summary>
    /// <param name="microGrid">The micro-grid.</param>
    /// <exception cref="ArgumentException">No micro-grid has this id.</exception>
    public Grid GridOf(Id<MicroGrid> microGrid) => _grids[Get(_microGrids, microGrid, nameof(microGrid), "NounMicroGrid").GridId];

    /// <summary>The micro-grid a building unit is mapped to.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentException">No unit has this id.</exception>
    public MicroGrid MicroGridOf(Id<BuildingUnit> unit) => _microGrids[Get(_units, unit, nameof(unit), "NounUnit").MicroGridId];

    /// <summary>The community a grid belongs to.</summary>
    /// <param name="grid">The grid.</param>
    /// <exception cref="ArgumentException">No grid has this id.</exception>
    public Community CommunityOf(Id<Grid> grid) => _communities[Grid(grid).CommunityId];

    /// <summary>The sub-district a community belongs to.</summary>
    /// <param name="community">The community.</param>
    /// <exception cref="ArgumentException">No community has this id.</exception>
    public SubDistrict SubDistrictOf(Id<Community> community) => _subDistricts[Community(community).SubDistrictId];

    /// <summary>The grids of a community, in the order they were added.</summary>
    /// <param name="community">The community.</param>
    public IEnumerable<Grid> GridsOf(Id<Community> community) => Grids.Where(g => g.CommunityId == community);

    /// <summary>The micro-grids of a grid.</summary>
    /// <param name="grid">The grid.</param>
    public IEnumerable<MicroGrid> MicroGridsOf(Id<Grid> grid) => MicroGrids.Where(m => m.GridId == grid);

    /// <summary>The units of a building, by number.</summary>
    /// <param name="building">The building.</param>
    public IEnumerable<BuildingUnit> UnitsOf(Id<Building> building) => Units.Where(u => u.BuildingId == building).OrderBy(u => u.Number);

    /// <summary>The people who work a grid in a role (e.g. its grid workers).</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="role">The role.</param>
    public IEnumerable<Person> PeopleOf(Id<Grid> grid, Role role) =>
        GridAssignments.Where(a => a.GridId == grid && a.Role == role).Select(a => _people[a.PersonId]);

    /// <summary>Whether a person works a grid in a role.</summary>
    /// <param name="person">The person.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="role">The role.</param>
    public bool IsAssigned(Id<Person> person, Id<Grid> grid, Role role) => _gridAssignmentSet.Contains(new GridAssignment(person, grid, role));

    /// <summary>Whether a person handles a micro-grid's cases in a role.</summary>
    /// <param name="person">The person.</param>
    /// <param name="microGrid">The micro-grid.</param>
    /// <param name="role">The role.</param>
    public bool IsAssigned(Id<Person> person, Id<MicroGrid> microGrid, Role role) => _microGridAssignmentSet.Contains(new MicroGridAssignment(person, microGrid, role));

    /// <summary>Whether a person is a liaison of a department.</summary>
    /// <param name="person">The person.</param>
    /// <param name="departmentCode">The department's code.</param>
    public bool IsLiaisonOf(Id<Person> person, string departmentCode) => _departmentAssignmentSet.Contains(new DepartmentAssignment(person, departmentCode));

    /// <summary>Whether a micro-grid with this id exists.</summary>
    /// <param name="id">The id.</param>
    public bool ContainsMicroGrid(Id<MicroGrid> id) => _microGrids.ContainsKey(id);

    /// <summary>Whether the model has this building.</summary>
    /// <param name="id">The building.</param>
    /// <returns>True when it is in the model.</returns>
    public bool ContainsBuilding(Id<Building> id) => _buildings.ContainsKey(id);

    /// <summary>Whether a building unit with this id exists.</summary>
    /// <param name="id">The id.</param>
    public bool ContainsUnit(Id<BuildingUnit> id) => _units.ContainsKey(id);

    /// <summary>The building head (楼长) of a building, if one is assigned.</summary>
    /// <param name="building">The building.</param>
    public Person? BuildingHeadOf(Id<Building> building)
    {
        var a = BuildingHeads.FirstOrDefault(b => b.BuildingId == building);
        return a is null ? null : _people[a.PersonId];
    }

    /// <summary>The escalation ladder that applies to a grid's cases (its community's).</summary>
    /// <param name="grid">The grid.</param>
    /// <exception cref="ArgumentException">No grid has this id.</exception>
    public EscalationLadder LadderFor(Id<Grid> grid) => CommunityOf(grid).Ladder;

    private static T Get<TKey, T>(Dictionary<TKey, T> map, TKey id, string paramName, string what)
        where TKey : notnull
    {
        if (map.TryGetValue(id, out var value))
        {
            return value;
        }

        throw new ArgumentException(GovernanceMessages.Format("OrganisationModelNoId", GovernanceMessages.Text(what), id), paramName);
    }
}
