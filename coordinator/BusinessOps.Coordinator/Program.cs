using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;

// The composition root: the real environment, the system clock, the console.
var host = new CliHost(StoreSelector.Environment(), TimeProvider.System, ExportToProcess: true);
return await CoordinatorCli.RunAsync(args, Console.Out, Console.Error, host, CancellationToken.None);
