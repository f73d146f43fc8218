using System.Diagnostics;
using System.Globalization;

namespace Governance.Benchmarks.TimeBank;

/// <summary>
/// <see cref="TimeBankRestoreBenchmarks"/>' two methods alternated in one process, replay then restore, round after round,
/// with the ratio taken within each round (<c>dotnet run -c Release --project benchmarks/Governance.Benchmarks -- restore-interleaved [rounds]</c>).
/// </summary>
/// <remarks>
/// BenchmarkDotNet measures each method in a process of its own, one after the other, minutes apart. Both methods are
/// bound by memory, and this machine's memory bandwidth changes from minute to minute with its neighbours' load (the same
/// restore has measured 250 ms and 490 ms within ten minutes), so the ratio of two such measurements carries the machine's
/// drift between them. Here both methods see the same minutes: a round's ratio compares like with like. This is a check on
/// the BenchmarkDotNet ratio, not a replacement for it.
/// </remarks>
internal static class InterleavedRestore
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 8;
        var benchmarks = new TimeBankRestoreBenchmarks();
        benchmarks.BuildTheLedger();
        double Time(Func<int> method)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var watch = Stopwatch.StartNew();
            method();
            var elapsed = watch.Elapsed.TotalMilliseconds;
            benchmarks.DropTheLedger();
            return elapsed;
        }

        // Warm-up: both methods twice, so that both are compiled and the heap has grown as it will.
        for (var i = 0; i < 2; i++)
        {
            Time(benchmarks.ReplayRequests);
            Time(benchmarks.RestoreFromExport);
        }

        var ratios = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var replay = Time(benchmarks.ReplayRequests);
            var restore = Time(benchmarks.RestoreFromExport);
            ratios.Add(restore / replay);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {i + 1}: replay {replay:F0} ms, restore {restore:F0} ms, ratio {restore / replay:F3} ({replay / restore:F1}x)"));
        }

        ratios.Sort();
        var median = ratios[ratios.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratios {string.Join(" ", ratios.Select(x => x.ToString("F3", CultureInfo.InvariantCulture)))}; median {median:F3} ({1 / median:F1}x), worst {ratios[^1]:F3} ({1 / ratios[^1]:F1}x)"));
        return 0;
    }
}
