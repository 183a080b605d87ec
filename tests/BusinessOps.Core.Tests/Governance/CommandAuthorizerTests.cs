using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class CommandAuthorizerTests
{
    private static readonly ApprovalPolicy P = ApprovalPolicy.Default;

    private static CommandAuthorization Check(string body, string author, RepositoryPermission? level, bool bot = false)
    {
        var cmd = CommandParser.Parse(Gov.Comment(body, author, bot: bot))!;
        var perms = level is { } l ? Gov.Permissions((author, l)) : Gov.Permissions();
        return CommandAuthorizer.Check(cmd, Gov.Identity, perms, P);
    }

    [Theory]
    [InlineData("/retry", RepositoryPermission.Triage)]
    [InlineData("/hold", RepositoryPermission.Triage)]
    [InlineData("/unhold", RepositoryPermission.Triage)]
    [InlineData("/priority P1", RepositoryPermission.Triage)]
    [InlineData("/escalate", RepositoryPermission.Triage)]
    [InlineData("/agent security", RepositoryPermission.Triage)]
    [InlineData("/cancel", RepositoryPermission.Write)]
    [InlineData("/approve", RepositoryPermission.Write)]
    [InlineData("/reject", RepositoryPermission.Write)]
    public void Required_DefaultPolicy_PerCommand(string body, RepositoryPermission expected)
    {
        Assert.Equal(expected, CommandAuthorizer.Required(CommandParser.Parse(Gov.Plain(body))!, P));
    }

    [Fact]
    public void Required_CommandMissingFromPolicy_Write()
    {
        var p = P with { Commands = new Dictionary<string, RepositoryPermission>() };

        Assert.Equal(RepositoryPermission.Write, CommandAuthorizer.Required(CommandParser.Parse(Gov.Plain("/hold"))!, p));
    }

    [Fact]
    public void Required_ApproveBelowApproverMinimumInPolicy_ApproverMinimumWins()
    {
        var p = P with { Commands = new Dictionary<string, RepositoryPermission>(StringComparer.OrdinalIgnoreCase) { ["approve"] = RepositoryPermission.Read } };

        Assert.Equal(RepositoryPermission.Write, CommandAuthorizer.Required(CommandParser.Parse(Gov.Plain("/approve"))!, p));
    }

    [Fact]
    public void Check_EnoughPermission_Allowed()
    {
        var a = Check("/hold", "dave", RepositoryPermission.Triage);

        Assert.Equal(CommandStanding.Allowed, a.Standing);
        Assert.Null(a.Reply);
    }

    [Fact]
    public void Check_EditedNonApprovalCommand_StillAllowed()
    {
        var cmd = CommandParser.Parse(Gov.Comment("/retry", "dave", edited: true))!;

        Assert.Equal(CommandStanding.Allowed, CommandAuthorizer.Check(cmd, Gov.Identity, Gov.Permissions(("dave", RepositoryPermission.Write)), P).Standing);
    }

    [Fact]
    public void Check_TooLittlePermission_UnauthorizedReplySaysWhoMay()
    {
        var a = Check("/cancel", "dave", RepositoryPermission.Triage);

        Assert.Equal(CommandStanding.Unauthorized, a.Standing);
        Assert.Equal(RepositoryPermission.Write, a.Required);
        Assert.Equal("Only collaborators with write permission or higher may use `/cancel`; dave has triage permission.", a.Reply);
    }

    [Fact]
    public void Check_UnknownPermission_NeedsLookup()
    {
        var a = Check("/hold", "dave", null);

        Assert.Equal(CommandStanding.NeedsPermissionLookup, a.Standing);
        Assert.Equal(RepositoryPermission.Triage, a.Required);
    }

    [Fact]
    public void Check_InvalidCommand_InvalidWithErrorReply()
    {
        var a = Check("/priority urgent", "dave", RepositoryPermission.Admin);

        Assert.Equal(CommandStanding.Invalid, a.Standing);
        Assert.Contains("P0, P1, P2, P3", a.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownCommandByStranger_InvalidReplyWithoutLookup()
    {
        Assert.Equal(CommandStanding.Invalid, Check("/deploy", "stranger", null).Standing);
    }

    [Fact]
    public void Check_Bot_IgnoredWithoutReply()
    {
        var a = Check("/retry", "dependabot[bot]", RepositoryPermission.Admin, bot: true);

        Assert.Equal(CommandStanding.Ignored, a.Standing);
        Assert.Null(a.Reply);
    }

    [Fact]
    public void Check_OwnIdentity_IgnoredEvenIfInvalid()
    {
        var a = Check("/nonsense", Gov.Identity, RepositoryPermission.Admin);

        Assert.Equal(CommandStanding.Ignored, a.Standing);
        Assert.Null(a.Reply);
    }
}
