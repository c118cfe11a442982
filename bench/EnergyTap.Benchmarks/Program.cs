using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/EnergyTap.Benchmarks -- --filter '*'` runs every micro-benchmark;
// scenario benchmarks (round trips, fleets) are separate entry points listed in bench/README.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
