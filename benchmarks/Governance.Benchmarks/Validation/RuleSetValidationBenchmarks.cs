using BenchmarkDotNet.Attributes;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Rules;

namespace Governance.Benchmarks.Validation;

/// <summary>
/// A rule set's overlap check: versions of one rule must not overlap in time. 16,000 versions (2,000 rules of 8 half-year
/// versions each, shuffled). Baseline: the pairwise check the library used (every version against every earlier one, O(n²));
/// against it: <see cref="RuleSet"/>'s constructor, which sorts the versions and sweeps them (O(n log n)).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuleSetValidationBenchmarks
{
    private ScoringRule[] _rules = [];

    /// <summary>The number of versions.</summary>
    [Params(16_000)]
    public int Versions { get; set; }

    [GlobalSetup]
    public void Setup() => _rules = Make(Versions);

    internal static ScoringRule[] Make(int versions)
    {
        var random = new Random(20261201);
        var start = new LocalDate(2000, 1, 1);
        var rules = Enumerable.Range(0, versions).Select(i => new ScoringRule(
            $"r{i / 8}", "规则", "Rule", Role.GridWorker, RuleKind.Bonus, ScoringFactKinds.Visit, 1,
            effective: new DateInterval(start.PlusMonths(6 * (i % 8)), start.PlusMonths(6 * ((i % 8) + 1)).PlusDays(-1)))).ToArray();
        random.Shuffle(rules);
        return rules;
    }

    [Benchmark(Baseline = true)]
    public int Pairwise()
    {
        var overlaps = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (_rules[i].Id == _rules[j].Id && _rules[i].Role == _rules[j].Role && _rules[i].Effective.Intersection(_rules[j].Effective) is not null)
                {
                    overlaps++;
                }
            }
        }

        return overlaps + new RuleSet("pairwise", []).Rules.Count;
    }

    [Benchmark]
    public int SortAndSweep() => new RuleSet("sorted", _rules).Rules.Count;
}

/// <summary>
/// The same check at a city's scale, 280,000 versions, which the pairwise check did not finish in 120 s. Baseline: copying the
/// versions into an array (the floor any check starts from); against it: the constructor with its check.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RuleSetValidationAtScaleBenchmarks
{
    private ScoringRule[] _rules = [];

    [GlobalSetup]
    public void Setup() => _rules = RuleSetValidationBenchmarks.Make(280_000);

    [Benchmark(Baseline = true)]
    public int Copy() => _rules.ToArray().Length;

    [Benchmark]
    public int SortAndSweep() => new RuleSet("sorted", _rules).Rules.Count;
}
