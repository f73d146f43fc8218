using BenchmarkDotNet.Attributes;
using Governance.Sla;

namespace Governance.Benchmarks.Sla;

/// <summary>
/// Pulling the cases with a threshold due by t from a district's open cases when few (≈10) are due, with the
/// overdue index against a linear scan of every case's next threshold (baseline), at 10k, 100k and 1M open cases.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class OverdueIndexBenchmarks
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 1, 0, 0);

    private OverdueIndex<int> _index = null!;
    private (int Key, Instant Due)[] _cases = null!;
    private Instant _query;

    [Params(10_000, 100_000, 1_000_000)]
    public int OpenCases { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var span = 30L * 24 * 3600;
        _cases = Enumerable.Range(0, OpenCases).Select(i => (i, T0 + Duration.FromSeconds(random.NextInt64(span)))).ToArray();
        _index = new OverdueIndex<int>();
        foreach (var (key, due) in _cases)
        {
            _index.Set(key, due);
        }

        // An instant by which about ten cases are due.
        _query = _cases.Select(c => c.Due).Order().ElementAt(9);
    }

    [Benchmark(Baseline = true)]
    public int LinearScan()
    {
        var due = new List<(int, Instant)>();
        foreach (var (key, at) in _cases)
        {
            if (at <= _query)
            {
                due.Add((key, at));
            }
        }

        return due.Count;
    }

    [Benchmark]
    public int OverdueIndex_DueBy() => _index.DueBy(_query).Count;
}
