using BenchmarkDotNet.Running;
using Governance.Benchmarks.TimeBank;

// dotnet run -c Release --project benchmarks/Governance.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/Governance.Benchmarks -- restore-interleaved [rounds]
if (args is ["restore-interleaved", ..])
{
    return InterleavedRestore.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
