using System.Text.Json;
using Governance.Json;
using Governance.People;
using Governance.Resources;
using Governance.Validation;

namespace Governance.Organisation;

/// <content>Writing the model down and reading it back (组织架构的保存与读取).</content>
public sealed partial class OrganisationModel
{
    /// <summary>
    /// Writes the model as JSON: an object with the lists <c>subDistricts</c>, <c>communities</c>, <c>grids</c>,
    /// <c>microGrids</c>, <c>compounds</c>, <c>buildings</c>, <c>units</c>, <c>people</c>, <c>gridAssignments</c>,
    /// <c>buildingHeads</c>, <c>stewards</c>, <c>microGridAssignments</c> and <c>departmentAssignments</c>, which <see cref="FromJson"/> reads back to an equal model.
    /// </summary>
    /// <param name="options">The options; <see cref="GovernanceJson.Options"/> if null.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(JsonSerializerOptions? options = null) => JsonSerializer.Serialize(
        new OrganisationDocument(SubDistricts, Communities, Grids, MicroGrids, Compounds, Buildings, Units, People, GridAssignments, BuildingHeads, Stewards, MicroGridAssignments, DepartmentAssignments),
        options ?? GovernanceJson.Options);

    /// <summary>
    /// Reads a model written by <see cref="ToJson"/> (or by hand in the same shape) and validates it as
    /// <see cref="OrganisationModelBuilder.Build"/> does. Every list is required; unknown members are errors.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The options; <see cref="GovernanceJson.Options"/> if null.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ValidationFailedException">The JSON is malformed (the error names its path) or the model is invalid.</exception>
    public static OrganisationModel FromJson(string json, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        OrganisationDocument document;
        try
        {
            document = JsonSerializer.Deserialize<OrganisationDocument>(json, options ?? GovernanceJson.Options)
                ?? throw new JsonException(GovernanceMessages.Text("DocumentNull"), "$", null, null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            var path = (e as JsonException)?.Path ?? "$";
            throw new ValidationFailedException(GovernanceMessages.Text("OrganisationJson"), [new ValidationError(path, e.Message)]);
        }

        var builder = new OrganisationModelBuilder();
        var nulls = new List<ValidationError>();
        void AddAll<T>(IReadOnlyList<T> items, string name, Func<T, OrganisationModelBuilder> add)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    nulls.Add(new ValidationError($"$.{name}[{i}]", GovernanceMessages.Text("IsNull")));
                }
                else
                {
                    add(items[i]);
                }
            }
        }

        AddAll(document.SubDistricts, "subDistricts", builder.Add);
        AddAll(document.Communities, "communities", builder.Add);
        AddAll(document.Grids, "grids", builder.Add);
        AddAll(document.MicroGrids, "microGrids", builder.Add);
        AddAll(document.Compounds, "compounds", builder.Add);
        AddAll(document.Buildings, "buildings", builder.Add);
        AddAll(document.Units, "units", builder.Add);
        AddAll(document.People, "people", builder.Add);
        AddAll(document.GridAssignments, "gridAssignments", builder.Add);
        AddAll(document.BuildingHeads, "buildingHeads", builder.Add);
        AddAll(document.Stewards, "stewards", builder.Add);
        AddAll(document.MicroGridAssignments, "microGridAssignments", builder.Add);
        AddAll(document.DepartmentAssignments, "departmentAssignments", builder.Add);
        if (nulls.Count > 0)
        {
            throw new ValidationFailedException(GovernanceMessages.Text("OrganisationJson"), nulls);
        }

        return builder.Build();
    }

    private sealed record OrganisationDocument(
        IReadOnlyList<SubDistrict> SubDistricts,
        IReadOnlyList<Community> Communities,
        IReadOnlyList<Grid> Grids,
        IReadOnlyList<MicroGrid> MicroGrids,
        IReadOnlyList<Compound> Compounds,
        IReadOnlyList<Building> Buildings,
        IReadOnlyList<BuildingUnit> Units,
        IReadOnlyList<Person> People,
        IReadOnlyList<GridAssignment> GridAssignments,
        IReadOnlyList<BuildingHeadAssignment> BuildingHeads,
        IReadOnlyList<StewardAssignment> Stewards,
        IReadOnlyList<MicroGridAssignment> MicroGridAssignments,
        IReadOnlyList<DepartmentAssignment> DepartmentAssignments);
}
