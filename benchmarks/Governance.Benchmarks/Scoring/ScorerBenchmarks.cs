using BenchmarkDotNet.Attributes;
using Governance.People;
using Governance.Scoring.Facts;
using Governance.Scoring.Periods;
using Governance.Scoring.Rules;
using Governance.Scoring.Scores;

namespace Governance.Benchmarks.Scoring;

/// <summary>
/// Scoring a quarter for 10,000 grid workers from 1,000,000 facts (with 1% repeated ids), with line items, against a
/// naive LINQ version (Distinct by id, GroupBy person, GroupBy rule and month, cap, sum) in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ScorerBenchmarks
{
    private const int People = 10_000;
    private const int Facts = 1_000_000;
    private static readonly ScoringPeriod Quarter = ScoringPeriod.Quarter(2026, 1);
    private static readonly RuleSet Rules = RuleSet.GridWorkerDefaults;

    private readonly ScoringFact[] _facts;

    public ScorerBenchmarks()
    {
        var random = new Random(11);
        var people = Enumerable.Range(0, People).Select(i => (Id<Person>)$"GW{i}").ToArray();
        string[] kinds =
        [
            ScoringFactKinds.StepMet, ScoringFactKinds.StepMet, ScoringFactKinds.StepMet, ScoringFactKinds.StepMetLate, ScoringFactKinds.StepBreached,
            ScoringFactKinds.Satisfied, ScoringFactKinds.MostlySatisfied, ScoringFactKinds.Unsatisfied, ScoringFactKinds.Complaint, ScoringFactKinds.Visit,
            ScoringFactKinds.Visit, ScoringFactKinds.SupervisionFinding, ScoringFactKinds.DemocraticAppraisal,
        ];
        var start = new LocalDate(2025, 12, 1);
        _facts = new ScoringFact[Facts];
        for (var i = 0; i < Facts; i++)
        {
            var id = i % 100 == 99 ? $"f{i - 1}" : $"f{i}";
            _facts[i] = i % 100 == 99 ? _facts[i - 1] : new ScoringFact(id, people[random.Next(People)], start.PlusDays(random.Next(150)), kinds[random.Next(kinds.Length)], 1);
        }
    }

    [Benchmark(Baseline = true)]
    public decimal NaiveLinqGroupBy()
    {
        var dates = Quarter.Dates;
        var scores = _facts
            .Where(f => dates.Contains(f.Date))
            .DistinctBy(f => f.Id)
            .GroupBy(f => f.Person)
            .Select(person => new
            {
                Person = person.Key,
                Lines = person
                    .SelectMany(f => Rules.Rules.Where(r => r.FactKind == f.Kind && r.Role == Role.GridWorker && r.Effective.Contains(f.Date)).Select(r => (Rule: r, Fact: f)))
                    .GroupBy(x => (x.Rule, Bucket: x.Rule.CapPer == CapPeriod.Quarter ? (x.Fact.Date.Month - 1) / 3 : x.Fact.Date.Month))
                    .Select(g =>
                    {
                        var raw = g.Sum(x => x.Fact.Quantity) * g.Key.Rule.PointsPerUnit;
                        var capped = g.Key.Rule.Cap is { } cap && raw > cap ? cap : raw;
                        return (g.Key.Rule.Id, Facts: g.Select(x => x.Fact.Id).Order(StringComparer.Ordinal).ToArray(), Points: capped * g.Key.Rule.Sign);
                    })
                    .ToList(),
            })
            .Select(p => (p.Person, p.Lines, Total: p.Lines.Sum(l => l.Points)))
            .ToList();
        return scores.Sum(s => s.Total);
    }

    [Benchmark]
    public decimal Scorer_WithLineItems() => Scorer.Score(Rules, Role.GridWorker, _facts, Quarter).Sum(s => s.Total);
}
