using System.CommandLine;
using BusinessOps.Coordinator.Install;
using BusinessOps.Core;

namespace BusinessOps.Coordinator.Commands;

/// <summary>
/// <c>coordinator init [DIR]</c>: writes the workflow, issue forms, policies and a short guide into a repository. Never
/// overwrites: a file that differs is kept and listed; <c>--force</c> shows the change, then replaces it and keeps the
/// previous content as <c>*.orig</c>.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "The repository's folder (. is the current folder)", DefaultValueFactory = _ => "." };
        var executor = new Option<string>("--executor") { Description = "Where agents run: local (on the Actions runner) or aws (Lambda and Batch)", DefaultValueFactory = _ => "local" };
        var repository = new Option<string>("--repository") { Description = $"The BusinessOps repository the workflow runs", DefaultValueFactory = _ => ThisRelease.Repository };
        var reference = new Option<string?>("--ref") { Description = $"Release tag or commit the workflow runs (default {ThisRelease.Tag ?? "this coordinator's release"})" };
        var branch = new Option<string>("--branch") { Description = "The repository's default branch", DefaultValueFactory = _ => "main" };
        var force = new Option<bool>("--force") { Description = "Replace files that differ, showing each change first and keeping the old file as *.orig" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be written; write nothing" };
        var cmd = new Command("init", "Install BusinessOps into a repository: one workflow, the issue forms, the policies and a short guide")
        {
            dir, executor, repository, reference, branch, force, dryRun,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var chosen = parse.GetValue(executor)!.Trim().ToLowerInvariant();
            if (chosen is not ("local" or "aws"))
            {
                await error.WriteLineAsync($"--executor '{chosen}': expected local or aws.");
                return ExitCodes.BadInput;
            }

            if ((parse.GetValue(reference) ?? ThisRelease.Tag) is not { Length: > 0 } version)
            {
                await error.WriteLineAsync("This coordinator is a development build: name the release the workflow runs with --ref (a tag such as v1.4.0, or a commit).");
                return ExitCodes.BadInput;
            }

            if (!SafeRef(version) || !SafeRef(parse.GetValue(repository)!) || !SafeRef(parse.GetValue(branch)!))
            {
                await error.WriteLineAsync("--ref, --repository and --branch may hold letters, digits and . _ - / only.");
                return ExitCodes.BadInput;
            }

            var root = Path.GetFullPath(parse.GetValue(dir)!);
            if (!Directory.Exists(root))
            {
                await error.WriteLineAsync($"'{root}' does not exist: clone the repository first, then run init inside it.");
                return ExitCodes.BadInput;
            }

            var options = new InstallOptions(parse.GetValue(repository)!, version, chosen, parse.GetValue(branch)!);
            var plan = Installer.Plan(root, InstallFiles.For(options), parse.GetValue(force));
            await Installer.ApplyAsync(root, plan, parse.GetValue(dryRun), output, ct);
            var kept = plan.Count(p => p.Action == InstallAction.Keep);
            output.WriteLine(
                $"init: {plan.Count(p => p.Action == InstallAction.Create)} created, {plan.Count(p => p.Action == InstallAction.Replace)} replaced, "
                + $"{plan.Count(p => p.Action == InstallAction.Unchanged)} already current, {kept} kept as they are{(parse.GetValue(dryRun) ? " (dry run: nothing written)" : string.Empty)}");
            if (kept > 0)
            {
                output.WriteLine("Files you changed were left alone. To see what this version would change: coordinator init --force --dry-run");
            }

            output.WriteLine($"Next: read {Guide.Path}, commit, push, then run: coordinator doctor");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static bool SafeRef(string value) => value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/');
}
