using BenchmarkDotNet.Attributes;
using Governance.Organisation;

namespace Governance.Benchmarks.Validation;

/// <summary>
/// Building a district's organisation model: 40,000 buildings of one unit each, 4,000 grids, 40 communities. Baseline: the
/// check the builder used for "every building has a unit" (each building against the list of units, O(buildings × units));
/// against it: <see cref="OrganisationModelBuilder.Build"/> in full (every check, with that one by a set of buildings).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OrganisationBuilderBenchmarks
{
    private OrganisationModelBuilder _builder = new();
    private List<BuildingUnit> _units = [];
    private List<Building> _buildings = [];

    [GlobalSetup]
    public void Setup()
    {
        var b = new OrganisationModelBuilder().Add(new SubDistrict("S", "街道"));
        for (var c = 0; c < 40; c++)
        {
            b.Add(new Community($"C{c}", $"社区{c}", "S", EscalationLadder.Standard));
        }

        for (var g = 0; g < 4_000; g++)
        {
            b.Add(new Grid($"G{g}", $"网格{g}", $"C{g % 40}", GridKind.Basic));
        }

        for (var i = 0; i < 40_000; i++)
        {
            var grid = i % 4_000;
            var building = new Building($"B{i}", $"{i}号楼", $"C{grid % 40}");
            var unit = new BuildingUnit($"B{i}-U1", building.Id, 1, $"M{i}");
            b.Add(building).Add(new MicroGrid($"M{i}", $"{i}号楼1单元", $"G{grid}")).Add(unit);
            _buildings.Add(building);
            _units.Add(unit);
        }

        _builder = b;
    }

    [Benchmark(Baseline = true)]
    public int EveryBuildingHasAUnitByScanning() => _buildings.Count(b => _units.Any(u => u.BuildingId == b.Id));

    [Benchmark]
    public int Build() => _builder.Build().Buildings.Count;
}
