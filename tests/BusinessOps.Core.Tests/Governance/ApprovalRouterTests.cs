using System.Globalization;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class ApprovalRouterTests
{
    private static readonly ApprovalPolicy P = ApprovalPolicy.Default;

    private static Classification Money(decimal usd, Stakeholders stakeholders = Stakeholders.Internal) =>
        new(Impact.Medium, Complexity.Moderate, Reversibility.Reversible, stakeholders, usd);

    private static ApprovalRequirement Route(decimal usd, Stakeholders s = Stakeholders.Internal, AutonomyMode mode = AutonomyMode.SemiAuto, params string[] labels) =>
        ApprovalRouter.For(Money(usd, s), labels, P, mode);

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    [InlineData("999.99")]
    public void For_BelowFirstTierInternal_Automatic(string usd)
    {
        var req = Route(decimal.Parse(usd, CultureInfo.InvariantCulture));

        Assert.True(req.Automatic);
        Assert.Empty(req.Roles);
        Assert.StartsWith("No approval required: financial impact $", req.Explanation, StringComparison.Ordinal);
        Assert.Contains("(< $1,000) and no customer impact", req.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1000", "finance-manager", 1, ApprovalKind.Synchronous)]
    [InlineData("4999.99", "finance-manager", 1, ApprovalKind.Synchronous)]
    [InlineData("5000", "cfo", 1, ApprovalKind.Asynchronous)]
    [InlineData("24999.99", "cfo", 1, ApprovalKind.Asynchronous)]
    [InlineData("25000", "board", 2, ApprovalKind.Consensus)]
    [InlineData("10000000", "board", 2, ApprovalKind.Consensus)]
    public void For_FinancialTiers_FirstTierAboveAmount(string usd, string role, int required, ApprovalKind kind)
    {
        var req = Route(decimal.Parse(usd, CultureInfo.InvariantCulture));

        Assert.False(req.Automatic);
        var r = Assert.Single(req.Roles);
        Assert.Equal(role, r.Role);
        Assert.Equal(required, r.Required);
        Assert.Equal(kind, r.Kind);
        Assert.Equal(kind, req.Kind);
        Assert.Equal(P.Roles[role], r.Approvers);
        Assert.False(r.AnyCollaborator);
    }

    [Fact]
    public void For_CfoTier_ExplainsRoleAmountAndBound()
    {
        Assert.Equal("CFO approval required: financial impact $12,000 (< $25,000).", Route(12000m).Explanation);
    }

    [Fact]
    public void For_BoardTier_ExplainsConsensusAndLowerBound()
    {
        Assert.Equal("Board approval required (2 distinct approvers): financial impact $30,000.50 (≥ $25,000).", Route(30000.50m).Explanation);
    }

    [Fact]
    public void For_TiersListedOutOfOrder_SameTier()
    {
        var shuffled = P with { FinancialTiers = [.. P.FinancialTiers.Reverse()] };

        Assert.Equal("cfo", Assert.Single(ApprovalRouter.For(Money(12000m), [], shuffled, AutonomyMode.SemiAuto).Roles).Role);
        Assert.Equal("board", Assert.Single(ApprovalRouter.For(Money(25000m), [], shuffled, AutonomyMode.SemiAuto).Roles).Role);
        Assert.True(ApprovalRouter.For(Money(10m), [], shuffled, AutonomyMode.SemiAuto).Automatic);
    }

    [Fact]
    public void For_AmountAboveEveryBoundedTierWithoutTopTier_HighestTierApplies()
    {
        var noTop = P with { FinancialTiers = [.. P.FinancialTiers.Where(t => t.BelowUsd is not null)] };

        Assert.Equal("cfo", Assert.Single(ApprovalRouter.For(Money(1_000_000m), [], noTop, AutonomyMode.SemiAuto).Roles).Role);
    }

    [Fact]
    public void For_ManualModeAutomaticTier_AnyCollaboratorExceptAuthor()
    {
        var req = Route(500m, mode: AutonomyMode.Manual);

        Assert.False(req.Automatic);
        var r = Assert.Single(req.Roles);
        Assert.Equal(ApprovalRouter.CollaboratorRole, r.Role);
        Assert.True(r.AnyCollaborator);
        Assert.Equal(1, r.Required);
        Assert.Empty(r.Approvers);
        Assert.Contains("any collaborator with write permission other than the issue's author", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ManualModeWithRole_UsesTheRole()
    {
        Assert.Equal("cfo", Assert.Single(Route(12000m, mode: AutonomyMode.Manual).Roles).Role);
    }

    [Fact]
    public void For_FullAutoAutomaticTier_Automatic()
    {
        Assert.True(Route(10m, mode: AutonomyMode.FullAuto).Automatic);
    }

    [Fact]
    public void For_CustomerFacingOneClient_CustomerSuccessManager()
    {
        var req = Route(10m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme", "finance/invoice");

        var r = Assert.Single(req.Roles);
        Assert.Equal("customer-success-manager", r.Role);
        Assert.Equal(new[] { "casey" }, r.Approvers);
        Assert.Equal(ApprovalKind.Asynchronous, r.Kind);
        Assert.Equal("Customer success manager approval required: customer-facing change for one client (client/acme).", req.Explanation);
    }

    [Fact]
    public void For_SameClientLabelTwiceInOtherCase_CountsAsOne()
    {
        Assert.Equal("customer-success-manager", Assert.Single(Route(10m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme", "CLIENT/ACME").Roles).Role);
    }

    [Fact]
    public void For_ExternalPartyNotACustomer_NoCustomerRole()
    {
        Assert.True(Route(10m, Stakeholders.External, AutonomyMode.SemiAuto, "client/acme").Automatic);
    }

    [Fact]
    public void For_SeveralClients_HeadOfCustomerSuccess()
    {
        var req = Route(10m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/a", "client/b", "client/c");

        Assert.Equal("head-of-customer-success", Assert.Single(req.Roles).Role);
        Assert.Contains("3 clients (client/a, client/b, client/c)", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CustomerFacingWithoutClientLabel_TreatedAsSeveral()
    {
        var req = Route(10m, Stakeholders.CustomerFacing);

        Assert.Equal("head-of-customer-success", Assert.Single(req.Roles).Role);
        Assert.Contains("scope unknown", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PublicStakeholders_Ceo()
    {
        var req = Route(10m, Stakeholders.Public, AutonomyMode.SemiAuto, "client/acme");

        Assert.Equal("ceo", Assert.Single(req.Roles).Role);
        Assert.Equal("CEO approval required: public-facing change.", req.Explanation);
    }

    [Fact]
    public void For_EnterpriseLabel_Ceo()
    {
        var req = Route(10m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme", "Customer/Enterprise");

        Assert.Equal("ceo", Assert.Single(req.Roles).Role);
        Assert.Contains("enterprise customer (customer/enterprise)", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_InternalStakeholdersWithClientLabels_NoCustomerRole()
    {
        Assert.True(Route(10m, Stakeholders.Internal, AutonomyMode.SemiAuto, "client/acme", "customer/enterprise").Automatic);
    }

    [Fact]
    public void For_FinancialAndCustomer_BothRolesRequired()
    {
        var req = Route(12000m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme");

        Assert.Equal(new[] { "cfo", "customer-success-manager" }, req.Roles.Select(r => r.Role));
        Assert.Equal(ApprovalKind.Asynchronous, req.Kind);
        Assert.Equal(2, req.TotalRequired);
        Assert.Equal(
            "CFO approval required: financial impact $12,000 (< $25,000). Customer success manager approval required: customer-facing change for one client (client/acme).",
            req.Explanation);
    }

    [Fact]
    public void For_BoardAndPublic_KindIsSlowest()
    {
        var req = Route(30000m, Stakeholders.Public);

        Assert.Equal(new[] { "board", "ceo" }, req.Roles.Select(r => r.Role));
        Assert.Equal(ApprovalKind.Consensus, req.Kind);
        Assert.Equal(3, req.TotalRequired);
    }

    [Fact]
    public void For_FinanceManagerAndCustomer_KindIsAsynchronous()
    {
        Assert.Equal(ApprovalKind.Asynchronous, Route(2000m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/acme").Kind);
    }

    [Fact]
    public void For_SameRoleFromBothSides_Merged()
    {
        var p = P with { CustomerTiers = [new CustomerTier(CustomerScope.One, "cfo")] };

        var req = ApprovalRouter.For(Money(12000m, Stakeholders.CustomerFacing), ["client/acme"], p, AutonomyMode.SemiAuto);

        var r = Assert.Single(req.Roles);
        Assert.Equal("cfo", r.Role);
        Assert.Equal(1, r.Required);
        Assert.Contains("client/acme", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void For_RoleMissingFromPolicy_NoApprovers()
    {
        var p = P with { CustomerTiers = [new CustomerTier(CustomerScope.One, "vp-sales")] };

        var r = Assert.Single(ApprovalRouter.For(Money(10m, Stakeholders.CustomerFacing), ["client/acme"], p, AutonomyMode.SemiAuto).Roles);

        Assert.Equal("vp-sales", r.Role);
        Assert.Empty(r.Approvers);
        Assert.StartsWith("VP sales approval required", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ClientLabelWithMention_NeutralizedInExplanation()
    {
        var req = Route(10m, Stakeholders.CustomerFacing, AutonomyMode.SemiAuto, "client/@team<b>");

        Assert.Contains("client/@\u200Dteam&lt;b&gt;", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WidenTo_BackupRole_AddsItsMembersAndSaysSo()
    {
        var req = ApprovalRouter.WidenTo(Route(2000m), "operations-manager", P);

        Assert.Equal("operations-manager", req.BackupRole);
        Assert.Equal(new[] { "olivia" }, req.BackupApprovers);
        Assert.Equal("finance-manager", Assert.Single(req.Roles).Role);
        Assert.EndsWith("After the approval timeout, Operations manager may also approve.", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WidenTo_Automatic_Unchanged()
    {
        var req = Route(10m);

        Assert.Same(req, ApprovalRouter.WidenTo(req, "operations-manager", P));
    }

    [Fact]
    public void Members_RoleCaseInsensitiveEvenWithCaseSensitivePolicyMap()
    {
        var p = P with { Roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["CFO"] = ["carla"] } };

        Assert.Equal(new[] { "carla" }, ApprovalRouter.Members("cfo", p));
        Assert.Empty(ApprovalRouter.Members("nobody", p));
    }

    [Fact]
    public void For_HumanRequiredOnAutomaticTier_CollaboratorFallback()
    {
        var req = ApprovalRouter.For(Money(10m), [], P, AutonomyMode.SemiAuto, humanRequired: true);

        Assert.False(req.Automatic);
        Assert.True(Assert.Single(req.Roles).AnyCollaborator);
        Assert.StartsWith("Approval required (no approval role applies)", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void For_HumanRequiredWithRole_UsesTheRole()
    {
        Assert.Equal("cfo", Assert.Single(ApprovalRouter.For(Money(12000m), [], P, AutonomyMode.FullAuto, humanRequired: true).Roles).Role);
    }

    [Fact]
    public void For_ManualWithSelfApprovalAllowed_ExplanationDoesNotExcludeAuthor()
    {
        var req = ApprovalRouter.For(Money(10m), [], P with { AllowSelfApproval = true }, AutonomyMode.Manual);

        Assert.DoesNotContain("other than", req.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WidenTo_Twice_Idempotent()
    {
        var once = ApprovalRouter.WidenTo(Route(2000m), "operations-manager", P);

        Assert.Same(once, ApprovalRouter.WidenTo(once, "operations-manager", P));
    }

    [Fact]
    public void For_CustomerScopeWithoutTierInPolicy_NoCustomerRole()
    {
        var p = P with { CustomerTiers = [new CustomerTier(CustomerScope.One, "customer-success-manager")] };

        Assert.True(ApprovalRouter.For(Money(10m, Stakeholders.CustomerFacing), ["client/a", "client/b"], p, AutonomyMode.SemiAuto).Automatic);
    }
}

