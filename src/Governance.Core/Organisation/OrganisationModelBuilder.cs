using Governance.People;
using Governance.Validation;

namespace Governance.Organisation;

/// <summary>
/// 组织架构构建器 — collects sub-districts, communities, grids, micro-grids, buildings, units,
/// people and assignments, then <see cref="Build"/> validates the whole model and reports
/// every problem at once.
/// </summary>
/// <remarks>The builder is not thread-safe; the model it builds is immutable.</remarks>
public sealed class OrganisationModelBuilder
{
    private readonly List<SubDistrict> _subDistricts = [];
    private readonly List<Community> _communities = [];
    private readonly List<Grid> _grids = [];
    private readonly List<MicroGrid> _microGrids = [];
    private readonly List<Compound> _compounds = [];
    private readonly List<Building> _buildings = [];
    private readonly List<BuildingUnit> _units = [];
    private readonly List<Person> _people = [];
    private readonly List<GridAssignment> _gridAssignments = [];
    private readonly List<BuildingHeadAssignment> _buildingHeads = [];
    private readonly List<StewardAssignment> _stewards = [];
    private readonly List<MicroGridAssignment> _microGridAssignments = [];
    private readonly List<DepartmentAssignment> _departmentAssignments = [];

    /// <summary>Adds a sub-district (街道).</summary>
    /// <param name="subDistrict">The sub-district.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(SubDistrict subDistrict) => AddTo(_subDistricts, subDistrict);

    /// <summary>Adds a community (社区).</summary>
    /// <param name="community">The community.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(Community community) => AddTo(_communities, community);

    /// <summary>Adds a grid (网格).</summary>
    /// <param name="grid">The grid.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(Grid grid) => AddTo(_grids, grid);

    /// <summary>Adds a micro-grid (微网格).</summary>
    /// <param name="microGrid">The micro-grid.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(MicroGrid microGrid) => AddTo(_microGrids, microGrid);

    /// <summary>Adds a compound (小区).</summary>
    /// <param name="compound">The compound.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(Compound compound) => AddTo(_compounds, compound);

    /// <summary>Adds a building (楼栋).</summary>
    /// <param name="building">The building.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(Building building) => AddTo(_buildings, building);

    /// <summary>Adds a building unit (单元).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(BuildingUnit unit) => AddTo(_units, unit);

    /// <summary>Adds a person (人员).</summary>
    /// <param name="person">The person.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(Person person) => AddTo(_people, person);

    /// <summary>Assigns a person to a grid in a role.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(GridAssignment assignment) => AddTo(_gridAssignments, assignment);

    /// <summary>Makes a person the building head of a building.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(BuildingHeadAssignment assignment) => AddTo(_buildingHeads, assignment);

    /// <summary>Makes a person a steward of a compound.</summary>
    /// <param name="assignment">The assignment.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(StewardAssignment assignment) => AddTo(_stewards, assignment);

    /// <summary>Adds a person who handles a micro-grid's cases (微网格分工).</summary>
    /// <param name="assignment">The assignment.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(MicroGridAssignment assignment) => AddTo(_microGridAssignments, assignment);

    /// <summary>Adds a department's liaison (部门联络员).</summary>
    /// <param name="assignment">The assignment.</param>
    /// <returns>This builder.</returns>
    public OrganisationModelBuilder Add(DepartmentAssignment assignment) => AddTo(_departmentAssignments, assignment);

    /// <summary>Validates everything added and builds the model.</summary>
    /// <returns>The immutable model.</returns>
    /// <exception cref="ValidationFailedException">The model has problems; <see cref="ValidationFailedException.Errors"/> lists all of them.</exception>
    public OrganisationModel Build()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ValidationFailedException("organisation model", errors);
        }

        return new OrganisationModel(
            [.. _subDistricts], [.. _communities], [.. _grids], [.. _microGrids], [.. _compounds], [.. _buildings],
            [.. _units], [.. _people], [.. _gridAssignments], [.. _buildingHeads], [.. _stewards], [.. _microGridAssignments], [.. _departmentAssignments]);
    }

    /// <summary>Lists every problem of the model as it stands, without building it.</summary>
    /// <returns>The problems; empty when the model is valid.</returns>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        var subDistricts = Unique(_subDistricts, s => s.Id, "sub-district", "subDistricts", errors);
        var communities = Unique(_communities, c => c.Id, "community", "communities", errors);
        var grids = Unique(_grids, g => g.Id, "grid", "grids", errors);
        var compounds = Unique(_compounds, c => c.Id, "compound", "compounds", errors);
        var buildings = Unique(_buildings, b => b.Id, "building", "buildings", errors);
        var units = Unique(_units, u => u.Id, "unit", "units", errors);
        var people = Unique(_people, p => p.Id, "person", "people", errors);

        foreach (var c in _communities)
        {
            if (c.Ladder is null)
            {
                errors.Add(new ValidationError($"communities[{c.Id}]", $"community '{c.Name}' has no escalation ladder"));
            }

            Require(subDistricts, c.SubDistrictId, $"communities[{c.Id}]", $"community '{c.Name}' belongs to sub-district '{c.SubDistrictId}', which is not in the model", errors);
        }

        foreach (var g in _grids)
        {
            Require(communities, g.CommunityId, $"grids[{g.Id}]", $"grid '{g.Name}' belongs to community '{g.CommunityId}', which is not in the model", errors);
        }

        var microGrids = new Dictionary<Id<MicroGrid>, MicroGrid>();
        foreach (var m in _microGrids)
        {
            if (microGrids.TryGetValue(m.Id, out var earlier))
            {
                errors.Add(earlier.GridId == m.GridId
                    ? new ValidationError($"microGrids[{m.Id}]", $"micro-grid '{m.Id}' is added twice")
                    : new ValidationError($"microGrids[{m.Id}]", $"micro-grid '{m.Id}' is in two grids, '{earlier.GridId}' and '{m.GridId}'; a micro-grid belongs to exactly one grid"));
                continue;
            }

            microGrids.Add(m.Id, m);
            Require(grids, m.GridId, $"microGrids[{m.Id}]", $"micro-grid '{m.Name}' belongs to grid '{m.GridId}', which is not in the model", errors);
        }

        foreach (var c in _compounds)
        {
            Require(communities, c.CommunityId, $"compounds[{c.Id}]", $"compound '{c.Name}' belongs to community '{c.CommunityId}', which is not in the model", errors);
        }

        foreach (var b in _buildings)
        {
            Require(communities, b.CommunityId, $"buildings[{b.Id}]", $"building '{b.Name}' belongs to community '{b.CommunityId}', which is not in the model", errors);
            if (b.CompoundId is { } compound)
            {
                Require(compounds, compound, $"buildings[{b.Id}]", $"building '{b.Name}' stands in compound '{compound}', which is not in the model", errors);
            }
        }

        var unitNumbers = new HashSet<(Id<Building>, int)>();
        var buildingsWithUnits = new HashSet<Id<Building>>();
        foreach (var u in _units)
        {
            buildingsWithUnits.Add(u.BuildingId);
            var path = $"units[{u.Id}]";
            if (u.Number < 1)
            {
                errors.Add(new ValidationError(path, $"unit number is {u.Number}; expected 1 or more"));
            }

            if (!unitNumbers.Add((u.BuildingId, u.Number)))
            {
                errors.Add(new ValidationError(path, $"building '{u.BuildingId}' has two units numbered {u.Number}"));
            }

            var buildingKnown = Require(buildings, u.BuildingId, path, $"unit belongs to building '{u.BuildingId}', which is not in the model", errors);
            if (!microGrids.TryGetValue(u.MicroGridId, out var micro))
            {
                errors.Add(new ValidationError(path, $"unit {u.Number} of building '{u.BuildingId}' has no micro-grid: '{u.MicroGridId}' is not in the model"));
            }
            else if (buildingKnown && grids.TryGetValue(micro.GridId, out var grid) && grid.CommunityId != buildings[u.BuildingId].CommunityId)
            {
                errors.Add(new ValidationError(path, $"unit is in community '{buildings[u.BuildingId].CommunityId}' but its micro-grid '{micro.Id}' is in community '{grid.CommunityId}'"));
            }
        }

        foreach (var b in _buildings)
        {
            if (!buildingsWithUnits.Contains(b.Id))
            {
                errors.Add(new ValidationError($"buildings[{b.Id}]", $"building '{b.Name}' has no units; every building needs at least one unit mapped to a micro-grid"));
            }
        }

        foreach (var a in _gridAssignments)
        {
            var path = $"gridAssignments[{a.PersonId}→{a.GridId}]";
            CheckPerson(people, a.PersonId, a.Role, path, errors);
            Require(grids, a.GridId, path, $"assignment of '{a.PersonId}' as {a.Role} to grid '{a.GridId}', which is not in the model", errors);
            if (a.Role is not (Role.GridWorker or Role.GridLeader or Role.GridAssistant or Role.PartTimeGridWorker))
            {
                errors.Add(new ValidationError(path, $"role {a.Role} cannot be assigned to a grid; expected GridWorker, GridLeader, GridAssistant or PartTimeGridWorker"));
            }
        }

        var headed = new HashSet<Id<Building>>();
        foreach (var a in _buildingHeads)
        {
            var path = $"buildingHeads[{a.BuildingId}]";
            CheckPerson(people, a.PersonId, Role.BuildingHead, path, errors);
            Require(buildings, a.BuildingId, path, $"'{a.PersonId}' is building head of building '{a.BuildingId}', which is not in the model", errors);
            if (!headed.Add(a.BuildingId))
            {
                errors.Add(new ValidationError(path, $"building '{a.BuildingId}' has more than one building head; expected one per building"));
            }
        }

        foreach (var a in _stewards)
        {
            var path = $"stewards[{a.PersonId}→{a.CompoundId}]";
            CheckPerson(people, a.PersonId, Role.PropertySteward, path, errors);
            Require(compounds, a.CompoundId, path, $"'{a.PersonId}' is steward of compound '{a.CompoundId}', which is not in the model", errors);
        }

        var microAssigned = new HashSet<MicroGridAssignment>();
        foreach (var a in _microGridAssignments)
        {
            var path = $"microGridAssignments[{a.PersonId}→{a.MicroGridId}]";
            CheckPerson(people, a.PersonId, a.Role, path, errors);
            Require(microGrids, a.MicroGridId, path, $"assignment of '{a.PersonId}' as {a.Role} to micro-grid '{a.MicroGridId}', which is not in the model", errors);
            if (a.Role is not (Role.BuildingHead or Role.PartyMemberVolunteer or Role.ResidentRepresentative or Role.ResidentGroupLeader))
            {
                errors.Add(new ValidationError(path, $"role {a.Role} cannot be assigned to a micro-grid; expected BuildingHead, PartyMemberVolunteer, ResidentRepresentative or ResidentGroupLeader"));
            }

            if (!microAssigned.Add(a))
            {
                errors.Add(new ValidationError(path, $"'{a.PersonId}' is assigned to micro-grid '{a.MicroGridId}' as {a.Role} twice"));
            }
        }

        var liaisons = new HashSet<DepartmentAssignment>();
        foreach (var a in _departmentAssignments)
        {
            var path = $"departmentAssignments[{a.PersonId}→{a.DepartmentCode}]";
            CheckPerson(people, a.PersonId, Role.DepartmentLiaison, path, errors);
            if (string.IsNullOrWhiteSpace(a.DepartmentCode))
            {
                errors.Add(new ValidationError(path, "the department code is empty"));
            }
            else if (!liaisons.Add(a))
            {
                errors.Add(new ValidationError(path, $"'{a.PersonId}' is liaison of department '{a.DepartmentCode}' twice"));
            }
        }

        return errors;
    }

    private static void CheckPerson(Dictionary<Id<Person>, Person> people, Id<Person> id, Role role, string path, List<ValidationError> errors)
    {
        if (!people.TryGetValue(id, out var person))
        {
            errors.Add(new ValidationError(path, $"person '{id}' is not in the model"));
        }
        else if (!person.HasRole(role))
        {
            errors.Add(new ValidationError(path, $"person '{id}' ({person.Name}) is assigned as {role} but does not hold that role (holds {string.Join(", ", person.Roles)})"));
        }
    }

    private static bool Require<TKey, T>(Dictionary<TKey, T> known, TKey id, string path, string message, List<ValidationError> errors)
        where TKey : notnull
    {
        if (known.ContainsKey(id))
        {
            return true;
        }

        errors.Add(new ValidationError(path, message));
        return false;
    }

    private static Dictionary<TKey, T> Unique<TKey, T>(List<T> items, Func<T, TKey> key, string what, string collection, List<ValidationError> errors)
        where TKey : notnull
    {
        var map = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            if (!map.TryAdd(key(item), item))
            {
                errors.Add(new ValidationError($"{collection}[{key(item)}]", $"duplicate {what} id '{key(item)}'"));
            }
        }

        return map;
    }

    private OrganisationModelBuilder AddTo<T>(List<T> list, T item)
    {
        ArgumentNullException.ThrowIfNull(item);
        list.Add(item);
        return this;
    }
}
