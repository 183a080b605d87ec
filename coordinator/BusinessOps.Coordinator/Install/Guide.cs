namespace BusinessOps.Coordinator.Install;

/// <summary>The short guide <c>coordinator init</c> leaves in the repository.</summary>
public static class Guide
{
    public const string Path = "BUSINESSOPS.md";

    public static string Render(InstallOptions o) => $"""
        # BusinessOps in this repository

        Installed by `coordinator init` ({o.Repository} {o.Ref}, agents run {(o.Executor == "aws" ? "on AWS Lambda and Batch" : "on the Actions runner")}).

        ## What is here

        | path | what it does |
        |---|---|
        | `.github/workflows/businessops.yml` | runs BusinessOps: each issue and comment as it happens, every open issue every 15 minutes, the labels when `policies/` or the forms change |
        | `.github/ISSUE_TEMPLATE/` | one form per kind of operation; each applies the label that routes it |
        | `policies/` | routing, SLAs, autonomy, approvals, schedules (check edits with `coordinator policies validate`) |

        ## Finish the installation

        1. Commit and push these files to `{o.Branch}`.
        2. Actions → BusinessOps → Run workflow: creates the labels and runs a first pass. The workflow asks for
           `issues: write` itself; to write as a bot of your own, add a `BUSINESSOPS_TOKEN` secret.
        3. `coordinator doctor` (with `GITHUB_TOKEN` and `GITHUB_REPOSITORY` set) checks the token, the labels, the workflow{(o.Executor == "aws" ? " and the AWS stack" : string.Empty)}.
        {(o.Executor == "aws" ? "4. Deploy the AWS stack and set the repository variables it prints (docs/AWS.md in the BusinessOps repository).\n" : string.Empty)}
        Optional: to let the agents draft prose with a language model, name it in `policies/language-model.yml` and
        {(o.Executor == "aws"
            ? "deploy the stack with the key's Secrets Manager secret, then `gh variable set BUSINESSOPS_AGENT_MODEL_SECRET_ARN --body ARN` (docs/AWS.md, Optional language model)."
            : "`gh secret set OPENAI_API_KEY` (it prompts for the key), `gh variable set OPENAI_BASE_URL --body https://api.openai.com/v1`.")}

        ## Upgrade

        Change `@{o.Ref}` and `businessops-ref: {o.Ref}` in `.github/workflows/businessops.yml` to the new release, then run
        `coordinator init --force` from that release to see (and take) its changes to the forms and policies; your previous
        versions are kept beside them as `*.orig`.
        """;
}
