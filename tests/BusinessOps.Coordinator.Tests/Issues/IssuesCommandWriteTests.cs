using BusinessOps.Core;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Coordinator.Tests.Issues;

public sealed class IssuesCommandWriteTests : IDisposable
{
    private readonly IssuesCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Comment_As_RecordsAuthorAndPrintsId()
    {
        await _cli.RunAsync("issues", "file", "--title", "Plan the deploy");

        var human = await _cli.RunAsync("issues", "comment", "1", "--body", "/approve", "--as", "alice");
        var json = (await _cli.RunAsync("issues", "comment", "1", "--body", "/hold", "--as", "ops[bot]", "--json")).Json();

        Assert.Equal((ExitCodes.Ok, "Commented on #1 as alice (comment 1).\n"), (human.ExitCode, human.Output));
        Assert.Equal(2, json.GetProperty("id").GetInt64());
        Assert.Equal("ops[bot]", json.GetProperty("author").GetString());
        Assert.Equal("/hold", json.GetProperty("body").GetString());
        Assert.True(json.GetProperty("authorIsBot").GetBoolean());
        Assert.Equal(_cli.Clock.GetUtcNow(), json.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Comment_NoBody_ExitsBadInput()
    {
        await _cli.RunAsync("issues", "file", "--title", "t");

        var run = await _cli.RunAsync("issues", "comment", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--body", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_MissingIssue_ExitsNotFound()
    {
        _cli.CreateStore();

        var run = await _cli.RunAsync("issues", "comment", "7", "--body", "hello");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.StartsWith("error: Issue #7 does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_AddSeveralAndRemove_PrintsResultingLabels()
    {
        await _cli.RunAsync("issues", "file", "--title", "t", "--label", "status/queued");

        var run = await _cli.RunAsync("issues", "label", "1", "--add", "status/in-progress", "priority/P1", "--remove", "STATUS/queued");
        var json = (await _cli.RunAsync("issues", "label", "1", "--add", "sla/at-risk,client/acme", "--json")).Json();

        Assert.Equal((ExitCodes.Ok, "#1 labels: status/in-progress, priority/P1\n"), (run.ExitCode, run.Output));
        Assert.Equal(1, json.GetProperty("number").GetInt32());
        Assert.Equal(["status/in-progress", "priority/P1", "sla/at-risk", "client/acme"], json.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Label_NothingGiven_ExitsBadInput()
    {
        await _cli.RunAsync("issues", "file", "--title", "t");

        var run = await _cli.RunAsync("issues", "label", "1");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
    }

    [Fact]
    public async Task Label_MissingIssue_ExitsNotFound()
    {
        _cli.CreateStore();

        var run = await _cli.RunAsync("issues", "label", "3", "--add", "x");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
    }

    [Fact]
    public async Task CloseAndReopen_ChangeStateAndReportWhenAlreadyThere()
    {
        await _cli.RunAsync("issues", "file", "--title", "t");

        var close = await _cli.RunAsync("issues", "close", "1");
        var again = (await _cli.RunAsync("issues", "close", "1", "--json")).Json();
        var reopen = (await _cli.RunAsync("issues", "reopen", "1", "--json")).Json();
        var missing = await _cli.RunAsync("issues", "close", "9");

        Assert.Equal("Issue #1 is now closed.\n", close.Output);
        Assert.Equal(("closed", false), (again.GetProperty("state").GetString(), again.GetProperty("changed").GetBoolean()));
        Assert.Equal(("open", true), (reopen.GetProperty("state").GetString(), reopen.GetProperty("changed").GetBoolean()));
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task Collaborator_AddAndList_StoresPermissions()
    {
        var add = await _cli.RunAsync("issues", "collaborator", "add", "alice", "--permission", "write");
        await _cli.RunAsync("issues", "collaborator", "add", "bob", "--permission", "ADMIN", "--json");
        var list = await _cli.RunAsync("issues", "collaborator", "list");
        var json = (await _cli.RunAsync("issues", "collaborator", "list", "--json")).Json();

        Assert.Equal("alice now has write permission.\n", add.Output);
        Assert.Equal("LOGIN  PERMISSION\nalice  write\nbob    admin\n", list.Output);
        Assert.Equal(["alice:write", "bob:admin"], json.EnumerateArray().Select(c => $"{c.GetProperty("login").GetString()}:{c.GetProperty("permission").GetString()}"));
        using var store = _cli.OpenStore();
        Assert.Equal(RepositoryPermission.Write, await store.GetPermissionAsync("alice", CancellationToken.None));
    }

    [Fact]
    public async Task Collaborator_BadPermission_ExitsBadInput()
    {
        var run = await _cli.RunAsync("issues", "collaborator", "add", "alice", "--permission", "owner");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: --permission must be one of read, triage, write, maintain, admin (got 'owner').\n", run.Error);
    }

    [Fact]
    public async Task Collaborator_ListEmpty_PrintsHint()
    {
        _cli.CreateStore();

        var run = await _cli.RunAsync("issues", "collaborator", "list");

        Assert.StartsWith("No collaborators yet.", run.Output, StringComparison.Ordinal);
    }
}
