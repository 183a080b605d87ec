using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;

namespace BusinessOps.Policies.Tests;

public sealed class ApprovalsValidationTests
{
    [Fact]
    public void Load_ValidApprovals_BindsTiersRolesAndTimeouts()
    {
        var text = """
            allowSelfApproval: true
            minimumPermission: maintain
            roles:
              treasurer: [tina, acme/finance]
              owners: [oscar, otto]
            financial:
              - below: 100
              - below: 2500.50
                role: treasurer
                kind: asynchronous
              - role: owners
                required: 2
                kind: consensus
            customers: {one: treasurer, several: owners, enterprise: owners}
            timeouts:
              synchronous: {after: 10m, fallback: backup-approver, backupRole: owners}
              asynchronous: {after: 1h30m, fallback: conservative-default}
              consensus: {after: 2d, fallback: escalate}
            """;

        var result = Load.One("approvals.yml", text);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var a = result.Policies.Approvals;
        Assert.True(a.AllowSelfApproval);
        Assert.Equal(RepositoryPermission.Maintain, a.MinimumApproverPermission);
        Assert.Equal(["tina", "acme/finance"], a.Roles["treasurer"]);
        Assert.Equal(
            [
                new FinancialTier(100m, null, 1, ApprovalKind.Synchronous),
                new FinancialTier(2500.50m, "treasurer", 1, ApprovalKind.Asynchronous),
                new FinancialTier(null, "owners", 2, ApprovalKind.Consensus),
            ],
            a.FinancialTiers);
        Assert.Equal([new CustomerTier(CustomerScope.One, "treasurer"), new CustomerTier(CustomerScope.Several, "owners"), new CustomerTier(CustomerScope.Enterprise, "owners")], a.CustomerTiers);
        Assert.Equal(new ApprovalTimeout(TimeSpan.FromMinutes(10), TimeoutFallback.BackupApprover, "owners"), a.Timeouts[ApprovalKind.Synchronous]);
        Assert.Equal(new ApprovalTimeout(TimeSpan.FromMinutes(90), TimeoutFallback.ConservativeDefault, null), a.Timeouts[ApprovalKind.Asynchronous]);
        Assert.Equal(new ApprovalTimeout(TimeSpan.FromDays(2), TimeoutFallback.Escalate, null), a.Timeouts[ApprovalKind.Consensus]);
    }

    [Fact]
    public void Load_UndefinedRole_SuggestsAndListsDefinedRoles()
    {
        var error = Load.SingleError(Load.One("approvals.yml", "financial:\n  - role: cfoo\n"));

        Assert.Equal(
            "approvals.yml:2:11: role 'cfoo' is not defined (did you mean 'cfo'?); define it under 'roles' or use one of board, ceo, cfo, customer-success-manager, finance-manager, head-of-customer-success, operations-manager",
            error);
    }

    [Fact]
    public void Load_TiersOutOfOrderAndUnboundedInMiddle_ReportsBoth()
    {
        var text = """
            financial:
              - below: 5000
              - role: cfo
              - below: 1000
            """;

        var result = Load.One("approvals.yml", text);

        Assert.Equal(
            [
                "approvals.yml:3:5: only the last tier may omit 'below'; 'financial[2]' is followed by 1 more",
                "approvals.yml:4:12: tiers must be in ascending 'below' order; 1000 is not above the previous tier's 5000",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_ConsensusLargerThanRole_ReportsTooFewMembers()
    {
        Assert.Equal(
            "approvals.yml:3:15: 'financial[1]' requires 3 distinct approvers but role 'board' has only 2",
            Load.SingleError(Load.One("approvals.yml", "financial:\n  - role: board\n    required: 3\n")));
    }

    [Fact]
    public void Load_UnknownCommand_ListsTheKnownCommands()
    {
        var text = """
            commands:
              approve: write
              reject: write
              retry: triage
              hold: triage
              unhold: triage
              cancel: write
              priority: triage
              escalate: triage
              agent: triage
              deploy: admin
            """;

        Assert.Equal(
            "approvals.yml:11:3: unknown key 'deploy' in 'commands'; allowed keys: approve, reject, retry, hold, unhold, cancel, priority, escalate, agent, effect",
            Load.SingleError(Load.One("approvals.yml", text)));
    }

    [Fact]
    public void Load_MissingCommandsAndBadPermission_ReportsBoth()
    {
        var result = Load.One("approvals.yml", "commands:\n  approve: writer\n  reject: none\n");

        Assert.Equal(
            [
                "approvals.yml:2:3: 'commands' must set a permission for every command; missing: retry, hold, unhold, cancel, priority, escalate, agent",
                "approvals.yml:2:12: 'approve' must be one of none, read, triage, write, maintain, admin; found 'writer' (did you mean 'write'?)",
                "approvals.yml:3:11: command 'reject' cannot be open to everyone ('none'); expected one of read, triage, write, maintain, admin",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_MinimumPermissionRead_RejectedAsTooWeak()
    {
        Assert.Equal(
            "approvals.yml:1:20: 'minimumPermission' read would let anyone who can read the repository approve; expected one of triage, write, maintain, admin",
            Load.SingleError(Load.One("approvals.yml", "minimumPermission: read\n")));
    }

    [Fact]
    public void Load_TimeoutBackupApproverWithoutRoleAndUnknownFallback_ReportsBoth()
    {
        var text = """
            timeouts:
              synchronous: {after: 5m, fallback: backup-approver}
              asynchronous: {after: 4h, fallback: wait}
              consensus: {after: 1d, fallback: escalate}
            """;

        var result = Load.One("approvals.yml", text);

        Assert.Equal(
            [
                "approvals.yml:2:16: 'timeouts.synchronous' falls back to backup-approver but names no 'backupRole'",
                "approvals.yml:3:39: 'fallback' must be one of backup-approver, conservative-default, escalate; found 'wait'",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_RoleWithBotAndEmptyRole_ReportsBoth()
    {
        var result = Load.One("approvals.yml", "roles:\n  ops:\n    - deploy-bot[bot]\n  empty: []\n");

        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("approvals.yml:3:7: 'deploy-bot[bot]' is a bot; bots never count as approvers or managers", errors);
        Assert.Contains("approvals.yml:4:10: role 'empty' has no members; list at least one login, or remove the role", errors);
    }

    [Fact]
    public void Load_CustomersMissingScope_ReportsRequiredKey()
    {
        Assert.Equal(
            "approvals.yml:2:3: 'customers' is missing the required key 'enterprise'",
            Load.SingleError(Load.One("approvals.yml", "customers:\n  one: ceo\n  several: ceo\n")));
    }

    [Fact]
    public void Load_CustomRolesWithDefaultSections_ReportsRolesTheDefaultsNeed()
    {
        var text = """
            roles:
              treasurer: [tina]
            financial:
              - role: treasurer
            """;

        var result = Load.One("approvals.yml", text);

        Assert.Equal(
            [
                "approvals.yml:2:3: 'customers' is not set, so its default applies and needs the roles customer-success-manager, head-of-customer-success, ceo; define them under 'roles' or set 'customers'",
                "approvals.yml:2:3: 'timeouts' is not set, so its default applies and needs the roles operations-manager; define them under 'roles' or set 'timeouts'",
            ],
            result.Errors.Select(e => e.ToString()));
    }
}
