using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/BusinessOps.Benchmarks -- --filter '*Decide*'
// dotnet run -c Release --project bench/BusinessOps.Benchmarks -- scenarios   (request-counting scenario benchmarks)
if (args.Length > 0 && args[0] == "scenarios")
{
    return await BusinessOps.Benchmarks.Scenarios.ScenarioRunner.RunAsync(args[1..]);
}

// Named through a type of its own: the coordinator it references has a top-level Program too (CS0436).
BenchmarkSwitcher.FromAssembly(typeof(BusinessOps.Benchmarks.Scenarios.ScenarioRunner).Assembly).Run(args);
return 0;
