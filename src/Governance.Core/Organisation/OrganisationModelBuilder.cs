using Governance.People;
using Governance.Resources;
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
            throw new ValidationFailedException(GovernanceMessages.Text("OrganisationModel"), errors);
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
        var subDistricts = Unique(_subDistricts, s => s.Id, "NounSubDistrict", "subDistricts", errors);
        var communities = Unique(_communities, c => c.Id, "NounCommunity", "communities", errors);
        var grids = Unique(_grids, g => g.Id, "NounGrid", "grids", errors);
        var compounds = Unique(_compounds, c => c.Id, "NounCompound", "compounds", errors);
        var buildings = Unique(_buildings, b => b.Id, "NounBuilding", "buildings", errors);
        var units = Unique(_units, u => u.Id, "NounUnit", "units", errors);
        var people = Unique(_people, p => p.Id, "NounPerson", "people", errors);

        foreach (var c in _communities)
        {
            if (c.Ladder is null)
            {
                errors.Add(new ValidationError($"communities[{c.Id}]", GovernanceMessages.Format("CommunityNoEscalationLadder", c.Name)));
            }

            Require(subDistricts, c.SubDistrictId, $"communities[{c.Id}]", errors, "CommunityBelongsSubDistrictModel", c.Name, c.SubDistrictId);
        }

        foreach (var g in _grids)
        {
            Require(communities, g.CommunityId, $"grids[{g.Id}]", errors, "GridBelongsCommunityModel", g.Name, g.CommunityId);
        }

        var microGrids = new Dictionary<Id<MicroGrid>, MicroGrid>();
        foreach (var m in _microGrids)
        {
            if (microGrids.TryGetValue(m.Id, out var earlier))
            {
                errors.Add(earlier.GridId == m.GridId
                    ? new ValidationError($"microGrids[{m.Id}]", GovernanceMessages.Format("MicroGridAddedTwice", m.Id))
                    : new ValidationError($"microGrids[{m.Id}]", GovernanceMessages.Format("MicroGridTwoGridsMicroGrid", m.Id, earlier.GridId, m.GridId)));
                continue;
            }

            microGrids.Add(m.Id, m);
            Require(grids, m.GridId, $"microGrids[{m.Id}]", errors, "MicroGridBelongsGridModel", m.Name, m.GridId);
        }

        foreach (var c in _compounds)
        {
            Require(communities, c.CommunityId, $"compounds[{c.Id}]", errors, "CompoundBelongsCommunityModel", c.Name, c.CommunityId);
        }

        foreach (var b in _buildings)
        {
            Require(communities, b.CommunityId, $"buildings[{b.Id}]", errors, "BuildingBelongsCommunityModel", b.Name, b.CommunityId);
            if (b.CompoundId is { } compound)
            {
                Require(compounds, compound, $"buildings[{b.Id}]", errors, "BuildingStandsCompoundModel", b.Name, compound);
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
                errors.Add(new ValidationError(path, GovernanceMessages.Format("UnitNumberExpectedMore", u.Number)));
            }

            if (!unitNumbers.Add((u.BuildingId, u.Number)))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("BuildingTwoUnitsNumbered", u.BuildingId, u.Number)));
            }

            var buildingKnown = Require(buildings, u.BuildingId, path, errors, "UnitBelongsBuildingModel", u.BuildingId);
            if (!microGrids.TryGetValue(u.MicroGridId, out var micro))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("UnitBuildingNoMicroGridModel", u.Number, u.BuildingId, u.MicroGridId)));
            }
            else if (buildingKnown && grids.TryGetValue(micro.GridId, out var grid) && grid.CommunityId != buildings[u.BuildingId].CommunityId)
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("UnitCommunityButMicroGridCommunity", buildings[u.BuildingId].CommunityId, micro.Id, grid.CommunityId)));
            }
        }

        foreach (var b in _buildings)
        {
            if (!buildingsWithUnits.Contains(b.Id))
            {
                errors.Add(new ValidationError($"buildings[{b.Id}]", GovernanceMessages.Format("BuildingNoUnitsEveryBuildingNeeds", b.Name)));
            }
        }

        foreach (var a in _gridAssignments)
        {
            var path = $"gridAssignments[{a.PersonId}→{a.GridId}]";
            CheckPerson(people, a.PersonId, a.Role, path, errors);
            Require(grids, a.GridId, path, errors, "AssignmentGridModel", a.PersonId, a.Role, a.GridId);
            if (a.Role is not (Role.GridWorker or Role.GridLeader or Role.GridAssistant or Role.PartTimeGridWorker))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("RoleCannotAssignedGridExpectedGridWorker", a.Role)));
            }
        }

        var headed = new HashSet<Id<Building>>();
        foreach (var a in _buildingHeads)
        {
            var path = $"buildingHeads[{a.BuildingId}]";
            CheckPerson(people, a.PersonId, Role.BuildingHead, path, errors);
            Require(buildings, a.BuildingId, path, errors, "BuildingHeadBuildingModel", a.PersonId, a.BuildingId);
            if (!headed.Add(a.BuildingId))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("BuildingMoreThanOneBuildingHead", a.BuildingId)));
            }
        }

        foreach (var a in _stewards)
        {
            var path = $"stewards[{a.PersonId}→{a.CompoundId}]";
            CheckPerson(people, a.PersonId, Role.PropertySteward, path, errors);
            Require(compounds, a.CompoundId, path, errors, "StewardCompoundModel", a.PersonId, a.CompoundId);
        }

        var microAssigned = new HashSet<MicroGridAssignment>();
        foreach (var a in _microGridAssignments)
        {
            var path = $"microGridAssignments[{a.PersonId}→{a.MicroGridId}]";
            CheckPerson(people, a.PersonId, a.Role, path, errors);
            Require(microGrids, a.MicroGridId, path, errors, "AssignmentMicroGridModel", a.PersonId, a.Role, a.MicroGridId);
            if (a.Role is not (Role.BuildingHead or Role.PartyMemberVolunteer or Role.ResidentRepresentative or Role.ResidentGroupLeader))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("RoleCannotAssignedMicroGridExpected", a.Role)));
            }

            if (!microAssigned.Add(a))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("AssignedMicroGridTwice", a.PersonId, a.MicroGridId, a.Role)));
            }
        }

        var liaisons = new HashSet<DepartmentAssignment>();
        foreach (var a in _departmentAssignments)
        {
            var path = $"departmentAssignments[{a.PersonId}→{a.DepartmentCode}]";
            CheckPerson(people, a.PersonId, Role.DepartmentLiaison, path, errors);
            if (string.IsNullOrWhiteSpace(a.DepartmentCode))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Text("DepartmentCodeEmpty")));
            }
            else if (!liaisons.Add(a))
            {
                errors.Add(new ValidationError(path, GovernanceMessages.Format("LiaisonDepartmentTwice", a.PersonId, a.DepartmentCode)));
            }
        }

        return errors;
    }

    private static void CheckPerson(Dictionary<Id<Person>, Person> people, Id<Person> id, Role role, string path, List<ValidationError> errors)
    {
        if (!people.TryGetValue(id, out var person))
        {
            errors.Add(new ValidationError(path, GovernanceMessages.Format("PersonNotInModel", id)));
        }
        else if (!person.HasRole(role))
        {
            errors.Add(new ValidationError(path, GovernanceMessages.Format("PersonAssignedButDoesHoldRole", id, person.Name, role, string.Join(", ", person.Roles))));
        }
    }

    private static bool Require<TKey, T>(Dictionary<TKey, T> known, TKey id, string path, List<ValidationError> errors, string key, params ReadOnlySpan<object?> args)
        where TKey : notnull
    {
        if (known.ContainsKey(id))
        {
            return true;
        }

        errors.Add(new ValidationError(path, GovernanceMessages.Format(key, args)));
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
                errors.Add(new ValidationError($"{collection}[{key(item)}]", GovernanceMessages.Format("DuplicateId", GovernanceMessages.Text(what), key(item))));
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
