namespace BusinessOps.Coordinator.Install;

/// <summary>
/// The one workflow file an installed repository needs: every trigger, calling BusinessOps' reusable workflow at a
/// release tag (or a commit). Concurrency is per job (a skipped job never takes the pending slot of its group), the pass an
/// event's threshold trips ask for shares the scheduled pass's group, <c>id-token: write</c> is granted only when agents run on AWS,
/// and the language model's key (<c>OPENAI_API_KEY</c>) only to the jobs that start agents on the runner.
/// </summary>
public static class CallerWorkflow
{
    public const string Path = ".github/workflows/businessops.yml";

    public static string Render(InstallOptions o)
    {
        var uses = $"{o.Repository}/.github/workflows/businessops-run.yml@{o.Ref}";
        var aws = o.Executor == "aws";
        var permissions = aws
            ? "    permissions: { contents: read, issues: write, id-token: write }"
            : "    permissions: { contents: read, issues: write }";
        var with = $"      executor: {o.Executor}\n      businessops-repository: {o.Repository}\n      businessops-ref: {o.Ref}"
            + (o.IsCommit ? "\n      build-from-source: true" : string.Empty);
        const string secrets = "    secrets:\n      token: ${{ secrets.BUSINESSOPS_TOKEN }}\n      app-private-key: ${{ secrets.BUSINESSOPS_APP_PRIVATE_KEY }}";

        // The optional language model's key goes only to the jobs whose agents run on the runner; agents on AWS read it
        // from the stack's Secrets Manager secret, and a label sync starts no agent. Unset, the agents write the standard wording.
        var agentSecrets = aws ? secrets : secrets + "\n      openai-api-key: ${{ secrets.OPENAI_API_KEY }}";
        return $$$"""
            # BusinessOps: issues and comments are reconciled as they happen, every open issue every 15 minutes, and the
            # labels follow policies/ and the issue forms. Written by `coordinator init`; `coordinator doctor` checks it.
            # Upgrade: replace {{{o.Ref}}} with the new release everywhere below (BUSINESSOPS.md, Upgrade).
            name: BusinessOps

            on:
              issues:
                types: [opened, edited, labeled, unlabeled, reopened]
              issue_comment:
                types: [created]
              schedule:
                - cron: "7-59/15 * * * *"
              workflow_dispatch:
                inputs:
                  full:
                    description: Reconcile every open issue, not only those updated since the last pass.
                    type: boolean
                    default: false
              push:
                branches: [{{{o.Branch}}}]
                paths: ["policies/**", ".github/ISSUE_TEMPLATE/**"]

            permissions: {}

            jobs:
              event:
                if: >-
                  (github.event_name == 'issues' || github.event_name == 'issue_comment') &&
                  !github.event.issue.pull_request &&
                  (github.event.sender.type != 'Bot' || github.event.action == 'opened')
                concurrency:
                  group: businessops-issue-${{ github.event.issue.number }}
                  cancel-in-progress: false
            {{{permissions}}}
                uses: {{{uses}}}
                with:
                  mode: event
            {{{with}}}
            {{{agentSecrets}}}

              # A result the event job recorded may trip a threshold: the event job opens no follow-up (event jobs on
              # different issues run at once) but asks for this pass, one at a time with the scheduled ones.
              trips:
                needs: event
                if: needs.event.outputs.trips == 'true'
                concurrency:
                  group: businessops-reconcile
                  cancel-in-progress: false
            {{{permissions}}}
                uses: {{{uses}}}
                with:
                  mode: reconcile
            {{{with}}}
            {{{agentSecrets}}}

              reconcile:
                if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
                concurrency:
                  group: businessops-reconcile
                  cancel-in-progress: false
            {{{permissions}}}
                uses: {{{uses}}}
                with:
                  mode: reconcile
                  full: ${{ inputs.full == true }}
            {{{with}}}
            {{{agentSecrets}}}

              labels:
                if: github.event_name == 'push' || github.event_name == 'workflow_dispatch'
                concurrency:
                  group: businessops-labels
                  cancel-in-progress: false
                permissions: { contents: read, issues: write }
                uses: {{{uses}}}
                with:
                  mode: labels
                  businessops-repository: {{{o.Repository}}}
                  businessops-ref: {{{o.Ref}}}{{{(o.IsCommit ? "\n      build-from-source: true" : string.Empty)}}}
            {{{secrets}}}

            """;
    }
}
