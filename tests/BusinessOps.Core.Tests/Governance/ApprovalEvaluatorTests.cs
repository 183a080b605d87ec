using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class ApprovalEvaluatorTests
{
    private static readonly ApprovalPolicy P = ApprovalPolicy.Default;

    private static ApprovalRequirement Req(decimal usd, Stakeholders s = Stakeholders.Internal, AutonomyMode mode = AutonomyMode.SemiAuto, ApprovalPolicy? p = null, params string[] labels) =>
        ApprovalRouter.For(new Classification(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, s, usd), labels, p ?? P, mode);

    private static ApprovalRequirement Cfo => Req(12000m);

    private static ApprovalRequirement Board => Req(30000m);

    private static ApprovalVerdict Eval(ApprovalRequirement req, IssueSnapshot issue, IReadOnlyDictionary<string, RepositoryPermission>? perms = null, ApprovalPolicy? p = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? teams = null) =>
        ApprovalEvaluator.Evaluate(issue, req, Gov.Hash, Gov.PlanAt, Gov.Identity, perms ?? Gov.Writers(), p ?? P, teams);

    private static void AssertPendingBecause(ApprovalVerdict v, string reason)
    {
        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Empty(v.Approvers);
        Assert.Equal(reason, Assert.Single(v.Ignored).Reason);
    }

    [Fact]
    public void Evaluate_ApprovalByRightRole_Approved()
    {
        var approve = Gov.Comment("/approve ship it", "carla");

        var v = Eval(Cfo, Gov.Issue(approve));

        Assert.Equal(ApprovalState.Approved, v.State);
        Assert.Equal(new[] { "carla" }, v.Approvers);
        Assert.Equal(approve.Id, v.DecidingCommentId);
        Assert.Empty(v.Ignored);
        Assert.Empty(v.NeedsPermissionLookup);
        Assert.True(Assert.Single(v.Progress).Satisfied);
        Assert.Equal("Approved: CFO 1 of 1 (carla).", v.Summary);
    }

    [Fact]
    public void Evaluate_LoginCaseDiffersFromPolicy_Approved()
    {
        Assert.Equal(ApprovalState.Approved, Eval(Cfo, Gov.Issue(Gov.Comment("/Approve", "Carla"))).State);
    }

    [Fact]
    public void Evaluate_NoComments_PendingWithSummary()
    {
        var v = Eval(Cfo, Gov.Issue());

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Null(v.DecidingCommentId);
        Assert.Equal("Waiting for approval: CFO 0 of 1.", v.Summary);
    }

    [Fact]
    public void Evaluate_NonApprover_PendingNotInRole()
    {
        AssertPendingBecause(Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "fiona"))), "fiona is not in role cfo");
    }

    [Fact]
    public void Evaluate_Author_PendingIsAuthor()
    {
        var p = P with { Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["cfo"] = ["carla", "alice"] } };

        AssertPendingBecause(Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "alice")), p: p), "alice is the issue's author");
    }

    [Fact]
    public void Evaluate_AuthorWithSelfApprovalAllowed_Approved()
    {
        var p = P with
        {
            AllowSelfApproval = true,
            Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["cfo"] = ["alice"] },
        };

        Assert.Equal(ApprovalState.Approved, Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "alice")), p: p).State);
    }

    [Fact]
    public void Evaluate_Bot_PendingBotsNeverApprove()
    {
        var p = P with { Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["cfo"] = ["dependabot[bot]"] } };

        AssertPendingBecause(Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "dependabot[bot]", bot: true)), p: p), "bots never approve");
    }

    [Fact]
    public void Evaluate_CoordinatorIdentity_PendingOwnIdentity()
    {
        var p = P with { Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["cfo"] = [Gov.Identity] } };

        AssertPendingBecause(
            Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "BusinessOps[bot]", bot: true)), p: p),
            "BusinessOps[bot] is the coordinator's own identity");
    }

    [Fact]
    public void Evaluate_EditedComment_PendingEdited()
    {
        AssertPendingBecause(Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla", edited: true))), "edited after posting");
    }

    [Theory]
    [InlineData(-60)]
    [InlineData(0)]
    public void Evaluate_ApprovalBeforeOrAtPlan_PendingBeforePlan(int secondsAfterPlan)
    {
        var early = Gov.Comment("/approve", "carla", TimeSpan.FromSeconds(secondsAfterPlan));

        AssertPendingBecause(Eval(Cfo, Gov.Issue(early)), "given before the current plan (hash abc123) was posted");
    }

    [Fact]
    public void Evaluate_ApprovalOneTickAfterPlan_Approved()
    {
        Assert.Equal(ApprovalState.Approved, Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla", TimeSpan.FromTicks(1)))).State);
    }

    [Fact]
    public void Evaluate_ApproverWithReadPermission_PendingPermissionReason()
    {
        var perms = Gov.Writers();
        perms["carla"] = RepositoryPermission.Read;

        AssertPendingBecause(Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla")), perms), "carla has read permission; write required");
    }

    [Fact]
    public void Evaluate_ApproverWithTriagePermission_Pending()
    {
        var perms = Gov.Writers();
        perms["carla"] = RepositoryPermission.Triage;

        AssertPendingBecause(Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla")), perms), "carla has triage permission; write required");
    }

    [Fact]
    public void Evaluate_CommandLevelAboveMinimum_UsesCommandLevel()
    {
        var p = P with { Commands = new Dictionary<string, RepositoryPermission>(P.Commands, StringComparer.OrdinalIgnoreCase) { ["approve"] = RepositoryPermission.Admin } };
        var perms = Gov.Writers();
        perms["carla"] = RepositoryPermission.Maintain;

        AssertPendingBecause(Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "carla")), perms, p), "carla has maintain permission; admin required");
    }

    [Fact]
    public void Evaluate_PermissionUnknown_PendingWithLookupAndNoIgnored()
    {
        var perms = Gov.Writers();
        perms.Remove("carla");

        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/approve", "carla")), perms);

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Equal(new[] { "carla" }, v.NeedsPermissionLookup);
        Assert.Empty(v.Ignored);
        Assert.Empty(v.Approvers);
        Assert.Equal("Waiting for approval: CFO 0 of 1. Checking the permission of (carla).", v.Summary);
    }

    [Fact]
    public void Evaluate_SatisfiedButAnotherApproverUnknown_PendingUntilLookedUp()
    {
        var perms = Gov.Writers();
        perms.Remove("bob");

        var v = Eval(Req(12000m, p: WithCfo("carla", "bob")), Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/reject no", "bob")), perms, WithCfo("carla", "bob"));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Equal(new[] { "bob" }, v.NeedsPermissionLookup);
    }

    [Fact]
    public void Evaluate_PermissionMapCaseSensitive_StillFound()
    {
        var perms = new Dictionary<string, RepositoryPermission>(StringComparer.Ordinal) { ["Carla"] = RepositoryPermission.Write };

        Assert.Equal(ApprovalState.Approved, Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla")), perms).State);
    }

    [Fact]
    public void Evaluate_ConsensusOfTwo_Approved()
    {
        var second = Gov.Comment("/approve", "beatrice");

        var v = Eval(Board, Gov.Issue(Gov.Comment("/approve", "bob"), second));

        Assert.Equal(ApprovalState.Approved, v.State);
        Assert.Equal(new[] { "bob", "beatrice" }, v.Approvers);
        Assert.Equal(second.Id, v.DecidingCommentId);
    }

    [Fact]
    public void Evaluate_ConsensusSamePersonTwice_CountsOnce()
    {
        var v = Eval(Board, Gov.Issue(Gov.Comment("/approve", "bob"), Gov.Comment("/approve again", "BOB")));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Equal(new[] { "bob" }, v.Approvers);
        Assert.Equal("Waiting for approval: Board 1 of 2 (bob).", v.Summary);
    }

    [Fact]
    public void Evaluate_ConsensusOneValidOneEdited_Pending()
    {
        var v = Eval(Board, Gov.Issue(Gov.Comment("/approve", "bob"), Gov.Comment("/approve", "beatrice", edited: true)));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Equal("edited after posting", Assert.Single(v.Ignored).Reason);
    }

    [Fact]
    public void Evaluate_RejectByEligibleApprover_RejectedWithReason()
    {
        var reject = Gov.Comment("/reject too expensive", "carla");

        var v = Eval(Cfo, Gov.Issue(reject));

        Assert.Equal(ApprovalState.Rejected, v.State);
        Assert.Equal("carla", v.RejectedBy);
        Assert.Equal("too expensive", v.RejectionReason);
        Assert.Equal(reject.Id, v.DecidingCommentId);
        Assert.Equal("Rejected by carla: too expensive.", v.Summary);
    }

    [Fact]
    public void Evaluate_RejectAfterCompleteApproval_Rejected()
    {
        var p = WithCfo("carla", "dave");
        var v = Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/reject wait", "dave")), p: p);

        Assert.Equal(ApprovalState.Rejected, v.State);
        Assert.Equal("dave", v.RejectedBy);
    }

    [Fact]
    public void Evaluate_OneBoardMemberRejectsOtherApproves_Rejected()
    {
        var v = Eval(Board, Gov.Issue(Gov.Comment("/reject", "bob"), Gov.Comment("/approve", "beatrice")));

        Assert.Equal(ApprovalState.Rejected, v.State);
        Assert.Null(v.RejectionReason);
        Assert.Equal("Rejected by bob.", v.Summary);
    }

    [Fact]
    public void Evaluate_RejectByNonApprover_IgnoredAndApprovalStands()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/reject", "fiona"), Gov.Comment("/approve", "carla")));

        Assert.Equal(ApprovalState.Approved, v.State);
        var ignored = Assert.Single(v.Ignored);
        Assert.Equal(CommandKind.Reject, ignored.Kind);
        Assert.Equal("fiona is not in role cfo", ignored.Reason);
    }

    [Fact]
    public void Evaluate_RejectByBot_Ignored()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/reject", "carla", bot: true)));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Equal("bots never reject", Assert.Single(v.Ignored).Reason);
    }

    [Fact]
    public void Evaluate_RejectBeforePlan_IgnoredNewPlanStartsOver()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/reject", "carla", TimeSpan.FromHours(-1)), Gov.Comment("/approve", "carla")));

        Assert.Equal(ApprovalState.Approved, v.State);
    }

    [Fact]
    public void Evaluate_CommandsInQuotesCodeOrSecondLine_NotSeenAtAll()
    {
        var v = Eval(Cfo, Gov.Issue(
            Gov.Comment("> /approve", "carla"),
            Gov.Comment("```\n/approve\n```", "carla"),
            Gov.Comment("`/approve`", "carla"),
            Gov.Comment("thanks\n/approve", "carla")));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Empty(v.Ignored);
    }

    [Fact]
    public void Evaluate_OtherCommands_NotApprovals()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/retry", "carla"), Gov.Comment("/hold", "carla"), Gov.Comment("/approvee", "carla")));

        Assert.Equal(ApprovalState.Pending, v.State);
        Assert.Empty(v.Ignored);
    }

    [Fact]
    public void Evaluate_FinancialAndCustomerRoles_NeedsBoth()
    {
        var req = Req(12000m, Stakeholders.CustomerFacing, labels: "client/acme");

        var onlyCfo = Eval(req, Gov.Issue(Gov.Comment("/approve", "carla")));
        var both = Eval(req, Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/approve", "casey")));

        Assert.Equal(ApprovalState.Pending, onlyCfo.State);
        Assert.Equal("Waiting for approval: CFO 1 of 1 (carla); Customer success manager 0 of 1.", onlyCfo.Summary);
        Assert.Equal(ApprovalState.Approved, both.State);
        Assert.Equal(new[] { "carla", "casey" }, both.Approvers);
    }

    [Fact]
    public void Evaluate_OnePersonInBothRoles_OneCommentSatisfiesBoth()
    {
        var p = P with
        {
            Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["customer-success-manager"] = ["carla"] },
        };
        var req = Req(12000m, Stakeholders.CustomerFacing, p: p, labels: "client/acme");

        Assert.Equal(ApprovalState.Approved, Eval(req, Gov.Issue(Gov.Comment("/approve", "carla")), p: p).State);
    }

    [Fact]
    public void Evaluate_NotInEitherRole_ReasonListsBothRoles()
    {
        var req = Req(12000m, Stakeholders.CustomerFacing, labels: "client/acme");

        AssertPendingBecause(Eval(req, Gov.Issue(Gov.Comment("/approve", "dave"))), "dave is not in role cfo or customer-success-manager");
    }

    [Fact]
    public void Evaluate_ManualCollaborator_AnyWriterApproves()
    {
        var req = Req(10m, mode: AutonomyMode.Manual);

        var v = Eval(req, Gov.Issue(Gov.Comment("/approve", "dave")));

        Assert.Equal(ApprovalState.Approved, v.State);
        Assert.Equal("Approved: Collaborator 1 of 1 (dave).", v.Summary);
    }

    [Fact]
    public void Evaluate_ManualCollaboratorAuthor_Ignored()
    {
        AssertPendingBecause(Eval(Req(10m, mode: AutonomyMode.Manual), Gov.Issue(Gov.Comment("/approve", "alice"))), "alice is the issue's author");
    }

    [Fact]
    public void Evaluate_ManualCollaboratorWithTriage_Ignored()
    {
        var perms = Gov.Writers();
        perms["dave"] = RepositoryPermission.Triage;

        AssertPendingBecause(Eval(Req(10m, mode: AutonomyMode.Manual), Gov.Issue(Gov.Comment("/approve", "dave")), perms), "dave has triage permission; write required");
    }

    [Fact]
    public void Evaluate_BackupApproverBeforeWidening_NotInRole()
    {
        AssertPendingBecause(Eval(Req(2000m), Gov.Issue(Gov.Comment("/approve", "olivia"))), "olivia is not in role finance-manager");
    }

    [Fact]
    public void Evaluate_BackupApproverAfterWidening_Approved()
    {
        var req = ApprovalRouter.WidenTo(Req(2000m), "operations-manager", P);

        Assert.Equal(ApprovalState.Approved, Eval(req, Gov.Issue(Gov.Comment("/approve", "olivia"))).State);
    }

    [Fact]
    public void Evaluate_WidenedNonMember_ReasonMentionsBackup()
    {
        var req = ApprovalRouter.WidenTo(Req(2000m), "operations-manager", P);

        AssertPendingBecause(Eval(req, Gov.Issue(Gov.Comment("/approve", "dave"))), "dave is not in role finance-manager or backup role operations-manager");
    }

    [Fact]
    public void Evaluate_TeamEntryWithoutMembership_DoesNotMatch()
    {
        var p = WithCfo("acme/finance");

        AssertPendingBecause(Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "carla")), p: p), "carla is not in role cfo");
    }

    [Fact]
    public void Evaluate_TeamEntryWithMembership_Matches()
    {
        var p = WithCfo("acme/finance");
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["ACME/finance"] = ["Carla"] };

        Assert.Equal(ApprovalState.Approved, Eval(Req(12000m, p: p), Gov.Issue(Gov.Comment("/approve", "carla")), p: p, teams: teams).State);
    }

    [Fact]
    public void Evaluate_Automatic_ApprovedWithoutComments()
    {
        var v = Eval(Req(10m), Gov.Issue());

        Assert.Equal(ApprovalState.Approved, v.State);
        Assert.Equal("No approval required.", v.Summary);
    }

    [Fact]
    public void Evaluate_EveryIgnoredCommandListed_InCommentOrder()
    {
        var v = Eval(Cfo, Gov.Issue(
            Gov.Comment("/approve", "carla", TimeSpan.FromMinutes(-5)),
            Gov.Comment("/approve", "fiona"),
            Gov.Comment("/approve", "carla", edited: true),
            Gov.Comment("/approve", "carla")));

        Assert.Equal(ApprovalState.Approved, v.State);
        Assert.Equal(3, v.Ignored.Count);
        Assert.Equal(new[] { "carla", "fiona", "carla" }, v.Ignored.Select(i => i.Author));
    }

    [Fact]
    public void Evaluate_RejectionReasonWithMention_SummaryNeutralized()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/reject ask @everyone <b>", "carla")));

        Assert.Equal("ask @everyone <b>", v.RejectionReason);
        Assert.Equal("Rejected by carla: ask @\u200Deveryone &lt;b&gt;.", v.Summary);
    }

    [Fact]
    public void LoginsNeedingPermission_OnlyEligibleDistinctAuthorsAfterPlan()
    {
        var issue = Gov.Issue(
            Gov.Comment("/approve", "carla", TimeSpan.FromMinutes(-1)),
            Gov.Comment("/approve", "fiona"),
            Gov.Comment("/reject", "bob"),
            Gov.Comment("/approve", "Fiona"),
            Gov.Comment("/approve", "dependabot[bot]", bot: true),
            Gov.Comment("/approve", Gov.Identity, bot: true),
            Gov.Comment("/approve", "erin", edited: true),
            Gov.Comment("/retry", "zoe"),
            Gov.Comment("/approve", "alice"));

        Assert.Equal(new[] { "fiona", "bob", "alice" }, ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity));
        Assert.Equal(new[] { "fiona", "bob" }, ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, policy: P));
        Assert.Equal(new[] { "bob" }, ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, Board, P));
        Assert.Empty(ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, Board, P, Gov.Writers()));
        Assert.Empty(ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, Req(10m), P));
    }

    [Fact]
    public void LoginsNeedingPermission_CollaboratorRequirement_AnyoneButAuthor()
    {
        var issue = Gov.Issue(Gov.Comment("/approve", "dave"), Gov.Comment("/approve", "alice"));

        Assert.Equal(new[] { "dave" }, ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, Req(10m, mode: AutonomyMode.Manual), P));
    }

    [Fact]
    public void Evaluate_ThenLookup_ConsistentLists()
    {
        var issue = Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/approve", "fiona"));
        var empty = new Dictionary<string, RepositoryPermission>();

        var lookups = ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, Cfo, P, empty);
        var v = Eval(Cfo, issue, empty);

        Assert.Equal(lookups, v.NeedsPermissionLookup);
    }

    [Fact]
    public void LoginsNeedingPermission_TeamRole_MatchesEvaluate()
    {
        var p = WithCfo("acme/finance");
        var req = Req(12000m, p: p);
        var teams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { ["acme/finance"] = ["carla"] };
        var issue = Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/approve", "dave"));
        var empty = new Dictionary<string, RepositoryPermission>();

        var lookups = ApprovalEvaluator.LoginsNeedingPermission(issue, Gov.PlanAt, Gov.Identity, req, p, empty, teams);

        Assert.Equal(new[] { "carla" }, lookups);
        Assert.Equal(lookups, Eval(req, issue, empty, p, teams).NeedsPermissionLookup);
    }

    [Fact]
    public void Evaluate_SamePersonApprovesThenRejects_Rejected()
    {
        var v = Eval(Cfo, Gov.Issue(Gov.Comment("/approve", "carla"), Gov.Comment("/reject changed my mind", "carla")));

        Assert.Equal(ApprovalState.Rejected, v.State);
        Assert.Equal("changed my mind", v.RejectionReason);
    }

    [Fact]
    public void Evaluate_TwoRejects_FirstDecides()
    {
        var first = Gov.Comment("/reject first", "bob");

        var v = Eval(Board, Gov.Issue(first, Gov.Comment("/reject second", "beatrice")));

        Assert.Equal("bob", v.RejectedBy);
        Assert.Equal(first.Id, v.DecidingCommentId);
    }

    [Fact]
    public void Evaluate_ApprovedThenMoreApprovals_DecidingIsTheCompletingComment()
    {
        var completing = Gov.Comment("/approve", "carla");

        var v = Eval(Cfo, Gov.Issue(completing, Gov.Comment("/approve again", "carla")));

        Assert.Equal(completing.Id, v.DecidingCommentId);
    }

    private static ApprovalPolicy WithCfo(params string[] members) =>
        P with { Roles = new Dictionary<string, IReadOnlyList<string>>(P.Roles, StringComparer.OrdinalIgnoreCase) { ["cfo"] = members } };
}
