using BenchmarkDotNet.Attributes;
using Governance.Assessment;
using Governance.Cases;
using Governance.Organisation;

namespace Governance.Benchmarks.Assessment;

/// <summary>
/// The three rates of a city-sized month: 1,000,000 orders across 5,000 grids (50 communities, 5 sub-districts), 5 %
/// excluded, a tenth outside the month, 2 % returned once by another grid (退单), 5 % with one of four departments
/// summoned (吹哨报到). <see cref="ThreeRates.Assess"/> (counters by grid, then summed upwards) against a
/// LINQ baseline that groups the orders by grid, by community, by sub-district and by department, counts the returns by grid, and
/// ranks each level. Target: ≤ 200 ms
/// and ≥ 3×.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ThreeRatesBenchmarks
{
    private static readonly DateInterval Month = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private readonly OrganisationModel _organisation;
    private readonly AssessedCase[] _orders;

    public ThreeRatesBenchmarks()
    {
        var b = new OrganisationModelBuilder();
        for (var s = 0; s < 5; s++)
        {
            b.Add(new SubDistrict($"S{s}", $"街道{s}"));
        }

        for (var c = 0; c < 50; c++)
        {
            b.Add(new Community($"C{c}", $"社区{c}", $"S{c % 5}", EscalationLadder.Standard));
        }

        for (var g = 0; g < 5_000; g++)
        {
            b.Add(new Grid($"G{g}", $"网格{g}", $"C{g % 50}", GridKind.Basic));
        }

        _organisation = b.Build();
        var random = new Random(20261201);
        Satisfaction?[] satisfactions = [null, Satisfaction.Satisfied, Satisfaction.Satisfied, Satisfaction.MostlySatisfied, Satisfaction.Unsatisfied];
        Department[] departments = [Department.Police, Department.LawEnforcement, Department.MarketRegulation, Department.PropertyCompany];
        _orders = new AssessedCase[1_000_000];
        for (var i = 0; i < _orders.Length; i++)
        {
            var grid = random.Next(5_000);
            _orders[i] = new AssessedCase(
                $"W{i}", $"G{grid}", new LocalDate(2026, 3, 1).PlusDays(random.Next(-2, 33)),
                random.NextDouble() < 0.9, random.NextDouble() < 0.8, satisfactions[random.Next(satisfactions.Length)], random.NextDouble() < 0.05)
            {
                ReturnedBy = random.NextDouble() < 0.02 ? [$"G{(grid + 1) % 5_000}"] : null,
                Departments = random.NextDouble() < 0.05 ? [new DepartmentOutcome(departments[random.Next(4)], random.NextDouble() < 0.85)] : null,
            };
        }
    }

    [Benchmark(Baseline = true)]
    public int LinqGroupBy()
    {
        var inMonth = _orders.Where(o => o.Date >= Month.Start && o.Date <= Month.End).ToList();
        var counted = inMonth.Where(o => !o.Excluded).ToList();
        var ranked = inMonth.Where(o => o.ReturnedBy is not null).SelectMany(o => o.ReturnedBy!).GroupBy(g => g).Count();
        ranked += counted.Where(o => o.Departments is not null)
            .SelectMany(o => o.Departments!.Select(d => (d.Department.Code, d.ReportedOnTime, o.Resolved, o.Satisfaction)))
            .GroupBy(x => x.Code)
            .Select(g => (g.Key, Score: (0.10 * g.Count(x => x.ReportedOnTime)) + (0.45 * g.Count(x => x.Resolved)) + (0.45 * g.Count(x => x.Satisfaction is Satisfaction.Satisfied or Satisfaction.MostlySatisfied))))
            .OrderByDescending(u => u.Score).Count();
        foreach (var level in new Func<AssessedCase, string>[]
        {
            o => o.GridId.Value,
            o => _organisation.CommunityOf(o.GridId).Id.Value,
            o => _organisation.SubDistrictOf(_organisation.CommunityOf(o.GridId).Id).Id.Value,
        })
        {
            ranked += counted.GroupBy(level).Select(g =>
                {
                    var n = g.Count();
                    var rated = g.Count(o => o.Satisfaction is not null);
                    var response = (double)g.Count(o => o.RespondedOnTime) / n;
                    var resolution = (double)g.Count(o => o.Resolved) / n;
                    var satisfaction = rated == 0 ? 0 : (double)g.Count(o => o.Satisfaction is Satisfaction.Satisfied or Satisfaction.MostlySatisfied) / rated;
                    return (g.Key, Score: 100 * ((0.10 * response) + (0.45 * resolution) + (0.45 * satisfaction)));
                })
                .OrderByDescending(u => u.Score).ThenBy(u => u.Key, StringComparer.Ordinal).Count();
        }

        return ranked;
    }

    [Benchmark]
    public int Assess() => ThreeRates.Assess(_orders, Month, _organisation).Grids.Count;
}
