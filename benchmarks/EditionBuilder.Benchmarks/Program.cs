using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(EditionBuilder.Benchmarks.StageBenchmarks).Assembly).Run(args);
