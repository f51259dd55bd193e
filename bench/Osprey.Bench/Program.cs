// Entry point of the benchmark runner; benchmarks are added as subcommands.
Console.Error.WriteLine("usage: Osprey.Bench <benchmark> [options]");
return 2;
