using BusinessOps.Core.Governance;
using BusinessOps.Core.Labels;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class CommandParserTests
{
    private static ParsedCommand? Parse(string body) => CommandParser.Parse(Gov.Plain(body));

    [Theory]
    [InlineData("/approve", CommandKind.Approve, "approve")]
    [InlineData("/reject", CommandKind.Reject, "reject")]
    [InlineData("/retry", CommandKind.Retry, "retry")]
    [InlineData("/hold", CommandKind.Hold, "hold")]
    [InlineData("/unhold", CommandKind.Unhold, "unhold")]
    [InlineData("/cancel", CommandKind.Cancel, "cancel")]
    [InlineData("/escalate", CommandKind.Escalate, "escalate")]
    [InlineData("/APPROVE", CommandKind.Approve, "approve")]
    [InlineData("/Retry", CommandKind.Retry, "retry")]
    public void Parse_KnownCommand_ReturnsKindAndLowerCaseName(string body, CommandKind kind, string name)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(kind, cmd.Kind);
        Assert.Equal(name, cmd.Name);
        Assert.True(cmd.IsValid);
        Assert.Null(cmd.Argument);
    }

    [Fact]
    public void Parse_ApproveWithNote_KeepsTrimmedNote()
    {
        var cmd = Parse("/approve   looks good to me  ");

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Approve, cmd.Kind);
        Assert.Equal("looks good to me", cmd.Argument);
    }

    [Fact]
    public void Parse_RejectWithReason_KeepsReason()
    {
        var cmd = Parse("/reject too expensive\nsee the budget sheet");

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Reject, cmd.Kind);
        Assert.Equal("too expensive", cmd.Argument);
    }

    [Fact]
    public void Parse_TabSeparatedNote_KeepsNote()
    {
        Assert.Equal("tabbed note", Parse("/approve\ttabbed note")?.Argument);
    }

    [Fact]
    public void Parse_CommandWithoutArgumentsAndTrailingText_IsValidWithNote()
    {
        var cmd = Parse("/hold until Monday");

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Hold, cmd.Kind);
        Assert.True(cmd.IsValid);
        Assert.Equal("until Monday", cmd.Argument);
    }

    [Theory]
    [InlineData(" /approve")]
    [InlineData("   /approve")]
    [InlineData("\n\n/approve")]
    [InlineData("\r\n  \r\n /approve")]
    [InlineData("/approve\r\nthanks")]
    public void Parse_LeadingWhitespaceUpToThreeSpaces_IsCommand(string body)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Approve, cmd.Kind);
        Assert.Null(cmd.Argument);
    }

    [Theory]
    [InlineData("    /approve")]
    [InlineData("\t/approve")]
    [InlineData("\n    /approve")]
    [InlineData("```\n/approve\n```")]
    [InlineData("~~~\n/approve\n~~~")]
    [InlineData("> /approve")]
    [InlineData(">/approve")]
    [InlineData("`/approve`")]
    [InlineData("<!-- /approve -->")]
    [InlineData("LGTM\n/approve")]
    [InlineData("hello /approve")]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("/")]
    [InlineData("/ approve")]
    [InlineData("/usr/bin is broken")]
    [InlineData("/approve, thanks")]
    [InlineData("/approve.")]
    [InlineData("/1approve")]
    public void Parse_NotACommand_ReturnsNull(string body)
    {
        Assert.Null(Parse(body));
    }

    [Fact]
    public void Parse_CommandWordLongerThanBound_ReturnsNull()
    {
        Assert.Null(Parse("/" + new string('a', CommandParser.MaxWordLength + 1)));
    }

    [Fact]
    public void Parse_LeadingWhitespaceBeyondBound_ReturnsNull()
    {
        Assert.Null(Parse(new string('\n', CommandParser.MaxLeadingWhitespace + 1) + "/approve"));
    }

    [Fact]
    public void Parse_LeadingWhitespaceAtBound_IsCommand()
    {
        Assert.Equal(CommandKind.Approve, Parse(new string('\n', CommandParser.MaxLeadingWhitespace) + "/approve")?.Kind);
    }

    [Fact]
    public void Parse_VeryLongFirstLine_ConsidersOnlyTheBound()
    {
        var cmd = Parse("/approve " + new string('x', 5000) + "\nsecond");

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Approve, cmd.Kind);
        Assert.Equal(CommandParser.MaxLineLength - "/approve ".Length, cmd.Argument!.Length);
    }

    [Fact]
    public void Parse_HugeBody_StillFindsCommand()
    {
        var cmd = Parse("/retry\n" + new string('y', 200_000));

        Assert.Equal(CommandKind.Retry, cmd?.Kind);
    }

    [Theory]
    [InlineData("/priority P0", Priority.P0)]
    [InlineData("/priority P1", Priority.P1)]
    [InlineData("/priority p2", Priority.P2)]
    [InlineData("/PRIORITY P3 customer is waiting", Priority.P3)]
    public void Parse_PriorityValid_ReturnsPriority(string body, Priority expected)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Priority, cmd.Kind);
        Assert.True(cmd.IsValid);
        Assert.Equal(expected, cmd.Priority);
    }

    [Theory]
    [InlineData("/priority")]
    [InlineData("/priority P4")]
    [InlineData("/priority high")]
    [InlineData("/priority P10")]
    [InlineData("/priority 1")]
    public void Parse_PriorityBadArgument_ErrorListsValidPriorities(string body)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Priority, cmd.Kind);
        Assert.False(cmd.IsValid);
        Assert.Null(cmd.Priority);
        Assert.Contains("P0, P1, P2, P3", cmd.Error, StringComparison.Ordinal);
        Assert.Contains(CommandParser.Help, cmd.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/agent ai-security-agent", AgentNames.Security)]
    [InlineData("/agent security", AgentNames.Security)]
    [InlineData("/agent AI-Finance-Agent", AgentNames.Finance)]
    [InlineData("/agent project-manager please", AgentNames.ProjectManager)]
    public void Parse_AgentValid_ReturnsNormalizedAgent(string body, string expected)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Agent, cmd.Kind);
        Assert.True(cmd.IsValid);
        Assert.Equal(expected, cmd.Agent);
    }

    [Theory]
    [InlineData("/agent")]
    [InlineData("/agent hacker")]
    [InlineData("/agent ai-hacker-agent")]
    public void Parse_AgentBadArgument_ErrorListsAgents(string body)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Agent, cmd.Kind);
        Assert.False(cmd.IsValid);
        Assert.Null(cmd.Agent);
        foreach (var agent in AgentNames.All)
        {
            Assert.Contains(agent, cmd.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_AgentArgumentTooLong_IsErrorWithoutNormalizing()
    {
        var cmd = Parse("/agent " + new string('s', 100));

        Assert.False(cmd?.IsValid);
    }

    [Theory]
    [InlineData("/deploy now", "deploy")]
    [InlineData("/Approved", "approved")]
    [InlineData("/LGTM", "lgtm")]
    public void Parse_UnknownCommand_ErrorNamesItAndListsValidCommands(string body, string name)
    {
        var cmd = Parse(body);

        Assert.NotNull(cmd);
        Assert.Equal(CommandKind.Unknown, cmd.Kind);
        Assert.Equal(name, cmd.Name);
        Assert.False(cmd.IsValid);
        Assert.StartsWith($"`/{name}` is not a command.", cmd.Error, StringComparison.Ordinal);
        foreach (var valid in new[] { "/approve", "/reject", "/retry", "/hold", "/unhold", "/cancel", "/priority", "/escalate", "/agent" })
        {
            Assert.Contains(valid, cmd.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_Command_KeepsComment()
    {
        var comment = Gov.Comment("/approve", "carla");

        Assert.Same(comment, CommandParser.Parse(comment)?.Comment);
    }

    [Fact]
    public void Parse_NullBodyFromSloppyDeserializer_ReturnsNull()
    {
        var comment = Gov.Plain("x") with { Body = null! };

        Assert.Null(CommandParser.Parse(comment));
    }
}

