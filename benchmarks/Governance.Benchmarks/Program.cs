using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/Governance.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
