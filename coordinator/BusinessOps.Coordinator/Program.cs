using System.CommandLine;
using BusinessOps.Coordinator.Cli;
using BusinessOps.Coordinator.Commands;
using BusinessOps.Coordinator.Commands.Issues;

var global = new GlobalOptions();
var root = new RootCommand(
    "BusinessOps coordinator — runs a business's operations out of GitHub issues.\n"
    + "It routes each labeled issue to one of fourteen agents, dispatches it (locally, or to AWS Lambda/Batch),\n"
    + "and writes progress back as labels and comments. Without GitHub or AWS settings it uses a local SQLite store.\n"
    + "Start with: coordinator demo")
{
    global.Policies,
    global.Store,
    global.Verbose,
};
root.Subcommands.Add(DemoCommand.Create(global));
root.Subcommands.Add(RunCommand.Create(global));
root.Subcommands.Add(IssuesCommand.Create(global.Store));
root.Subcommands.Add(PoliciesCommand.Create(global));
root.Subcommands.Add(LabelsCommand.Create(global));
root.Subcommands.Add(ReportCommand.Create(global));
root.Subcommands.Add(InitCommand.Create());
root.Subcommands.Add(DoctorCommand.Create(global));
return await root.Parse(args).InvokeAsync();
