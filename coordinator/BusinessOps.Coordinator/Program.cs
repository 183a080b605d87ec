using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Hosting;

// The composition root: the real environment, the system clock, the console.
#pragma warning disable RS0030 // The coordinator's composition root: the one place it chooses the system clock.
var host = new CliHost(StoreSelector.Environment(), TimeProvider.System, ExportToProcess: true);
#pragma warning restore RS0030
using var signals = new TerminationSignals();
return signals.ExitCode(await CoordinatorCli.RunAsync(args, Console.Out, Console.Error, host, signals.Token));
