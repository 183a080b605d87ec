using System.Globalization;
using System.Text;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Core.Governance;

/// <summary>
/// Routes a plan to the roles that must approve it (issue 5, "Who may approve comes from policy").
/// <list type="bullet">
/// <item><b>Financial</b>: the tier with the smallest <c>BelowUsd</c> strictly above the amount (null = no upper
/// bound); equals "the first matching tier" when tiers are listed ascending, whatever their order. If no tier
/// matches (no open-ended top tier), the highest tier applies. A tier with a null role is automatic.</item>
/// <item><b>Customer</b>, only when stakeholders are customer-facing, external or public. Enterprise when the
/// stakeholders are <c>public</c> or a label <c>customer/enterprise</c> (<see cref="EnterpriseLabel"/>) is present;
/// else one distinct <c>client/*</c> label → One, several → Several, none → Several (scope unknown, so the more
/// senior role decides). Customer tiers carry no kind in policy: they are <see cref="ApprovalKind.Asynchronous"/>.</item>
/// <item>When both apply, both roles must approve; one person in both roles satisfies both with one comment.
/// The same role from both sides is merged (the larger count).</item>
/// <item>No role applies: automatic, except in <see cref="AutonomyMode.Manual"/> or when the caller says a human
/// approval is needed anyway (<c>humanRequired</c>: L2 in semi-auto, a tripped risk control): then any collaborator
/// with the minimum permission other than the author (unless self-approval is allowed) may approve
/// (role <see cref="CollaboratorRole"/>, synchronous).</item>
/// </list>
/// </summary>
public static class ApprovalRouter
{
    /// <summary>Role name of the manual-mode fallback (any collaborator with write, not the author).</summary>
    public const string CollaboratorRole = "collaborator";

    /// <summary>The label that marks an issue as affecting an enterprise customer.</summary>
    public const string EnterpriseLabel = "customer/enterprise";

    /// <summary>The approval requirement of a plan.</summary>
    /// <param name="c">The plan's classification.</param>
    /// <param name="clientLabels">The labels (all of them may be passed: only <c>client/*</c> and <see cref="EnterpriseLabel"/> are read).</param>
    /// <param name="p">The approvals policy.</param>
    /// <param name="mode">The autonomy mode (manual adds the collaborator fallback).</param>
    /// <param name="humanRequired">True when the gate or a risk control demands a human approval even on an automatic tier.</param>
    public static ApprovalRequirement For(Classification c, IReadOnlyList<string> clientLabels, ApprovalPolicy p, AutonomyMode mode, bool humanRequired = false)
    {
        var roles = new List<RoleRequirement>(2);
        var financialNote = AddFinancial(c.FinancialImpactUsd, p, roles);
        var customerNote = AddCustomer(c.Stakeholders, clientLabels, p, roles);

        if (roles.Count == 0)
        {
            var why = customerNote is null
                ? $"{financialNote} and no customer impact"
                : $"{financialNote}; {customerNote}";
            if (mode == AutonomyMode.Manual || humanRequired)
            {
                var who = p.AllowSelfApproval ? string.Empty : " other than the issue's author";
                var because = mode == AutonomyMode.Manual ? "manual mode" : "no approval role applies";
                var reason = $"Approval required ({because}): any collaborator with {Wording.Permission(p.MinimumApproverPermission)} permission{who} may approve; {why}";
                var collaborator = new RoleRequirement(CollaboratorRole, [], 1, ApprovalKind.Synchronous, reason) { AnyCollaborator = true };
                return new ApprovalRequirement(false, [collaborator], ApprovalKind.Synchronous, reason + ".");
            }

            return new ApprovalRequirement(true, [], ApprovalKind.Synchronous, $"No approval required: {why}.");
        }

        var kind = roles[0].Kind;
        var explanation = new StringBuilder();
        foreach (var r in roles)
        {
            if (r.Kind > kind)
            {
                kind = r.Kind;
            }

            explanation.Append(explanation.Length == 0 ? string.Empty : " ").Append(r.Reason).Append('.');
        }

        return new ApprovalRequirement(false, roles, kind, explanation.ToString());
    }

    /// <summary>
    /// The requirement after a <see cref="TimeoutOutcome.BackupApprover"/> timeout: members of
    /// <paramref name="backupRole"/> may now approve in place of any role. Automatic requirements, and requirements already
    /// widened to that role, are returned unchanged (so calling it on every pass is safe).
    /// </summary>
    public static ApprovalRequirement WidenTo(ApprovalRequirement requirement, string backupRole, ApprovalPolicy p)
    {
        if (requirement.Automatic || string.Equals(requirement.BackupRole, backupRole, StringComparison.OrdinalIgnoreCase))
        {
            return requirement;
        }

        return requirement with
        {
            BackupRole = backupRole,
            BackupApprovers = Members(backupRole, p),
            Explanation = $"{requirement.Explanation} After the approval timeout, {Wording.Role(backupRole)} may also approve.",
        };
    }

    /// <summary>The logins (and <c>org/team</c> entries) of a policy role; empty when the role is not defined.</summary>
    public static IReadOnlyList<string> Members(string role, ApprovalPolicy p)
    {
        if (p.Roles.TryGetValue(role, out var members))
        {
            return members;
        }

        // The policy loader may have built a case-sensitive dictionary.
        foreach (var (name, list) in p.Roles)
        {
            if (string.Equals(name, role, StringComparison.OrdinalIgnoreCase))
            {
                return list;
            }
        }

        return [];
    }

    private static string AddFinancial(decimal amount, ApprovalPolicy p, List<RoleRequirement> roles)
    {
        FinancialTier? tier = null;       // smallest BelowUsd strictly above the amount; open-ended if none
        FinancialTier? highBounded = null; // largest BelowUsd at or below the amount: fallback and lower bound
        for (var k = 0; k < p.FinancialTiers.Count; k++)
        {
            var t = p.FinancialTiers[k];
            if (t.BelowUsd is not { } below)
            {
                tier ??= t;
            }
            else if (below > amount)
            {
                if (tier is null || tier.BelowUsd is not { } current || below < current)
                {
                    tier = t;
                }
            }
            else if (highBounded is null || below > highBounded.BelowUsd)
            {
                highBounded = t;
            }
        }

        tier ??= highBounded;
        string impact;
        if (tier is { BelowUsd: { } top } && top > amount)
        {
            impact = $"financial impact {Wording.Usd(amount)} (< {Wording.Usd(top)})";
        }
        else if (highBounded?.BelowUsd is { } lower)
        {
            impact = $"financial impact {Wording.Usd(amount)} (≥ {Wording.Usd(lower)})";
        }
        else
        {
            impact = $"financial impact {Wording.Usd(amount)}";
        }

        if (tier?.Role is { Length: > 0 } role)
        {
            var required = Math.Max(1, tier.Required);
            var who = required > 1
                ? $"{Wording.Role(role)} approval required ({required.ToString(CultureInfo.InvariantCulture)} distinct approvers)"
                : $"{Wording.Role(role)} approval required";
            Add(roles, new RoleRequirement(role, Members(role, p), required, tier.Kind, $"{who}: {impact}"));
        }

        return impact;
    }

    private static string? AddCustomer(Stakeholders stakeholders, IReadOnlyList<string> labels, ApprovalPolicy p, List<RoleRequirement> roles)
    {
        // Customer impact means customers: internal work and external parties (vendors, partners) need no customer role.
        if (stakeholders is Stakeholders.Internal or Stakeholders.External)
        {
            return null;
        }

        CustomerScope scope;
        string note;
        var clients = ClientLabels(labels, out var enterpriseMarker);
        if (stakeholders == Stakeholders.Public)
        {
            scope = CustomerScope.Enterprise;
            note = "public-facing change";
        }
        else if (enterpriseMarker)
        {
            scope = CustomerScope.Enterprise;
            note = $"enterprise customer ({EnterpriseLabel})";
        }
        else if (clients.Count == 1)
        {
            scope = CustomerScope.One;
            note = $"{Describe(stakeholders)} change for one client ({MarkdownSafe.Inline(clients[0], 60)})";
        }
        else if (clients.Count == 0)
        {
            scope = CustomerScope.Several;
            note = $"{Describe(stakeholders)} change with no client/* label (scope unknown, treated as several clients)";
        }
        else
        {
            scope = CustomerScope.Several;
            note = $"{Describe(stakeholders)} change for {clients.Count.ToString(CultureInfo.InvariantCulture)} clients ({ListClients(clients)})";
        }

        for (var k = 0; k < p.CustomerTiers.Count; k++)
        {
            var tier = p.CustomerTiers[k];
            if (tier.Scope == scope && tier.Role.Length > 0)
            {
                Add(roles, new RoleRequirement(tier.Role, Members(tier.Role, p), 1, ApprovalKind.Asynchronous, $"{Wording.Role(tier.Role)} approval required: {note}"));
                break;
            }
        }

        return note;
    }

    private static void Add(List<RoleRequirement> roles, RoleRequirement role)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (string.Equals(roles[i].Role, role.Role, StringComparison.OrdinalIgnoreCase))
            {
                var existing = roles[i];
                roles[i] = existing with
                {
                    Required = Math.Max(existing.Required, role.Required),
                    Kind = existing.Kind > role.Kind ? existing.Kind : role.Kind,
                    Reason = $"{existing.Reason}; {role.Reason[(role.Reason.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimStart()}",
                };
                return;
            }
        }

        roles.Add(role);
    }

    private static List<string> ClientLabels(IReadOnlyList<string> labels, out bool enterprise)
    {
        enterprise = false;
        var clients = new List<string>(labels.Count);
        for (var k = 0; k < labels.Count; k++)
        {
            var label = labels[k];
            if (string.Equals(label, EnterpriseLabel, StringComparison.OrdinalIgnoreCase))
            {
                enterprise = true;
            }
            else if (label.Length > LabelNames.ClientPrefix.Length
                && label.StartsWith(LabelNames.ClientPrefix, StringComparison.OrdinalIgnoreCase)
                && !clients.Exists(x => string.Equals(x, label, StringComparison.OrdinalIgnoreCase)))
            {
                clients.Add(label);
            }
        }

        return clients;
    }

    private static string ListClients(List<string> clients)
    {
        const int shown = 5;
        var sb = new StringBuilder();
        for (var i = 0; i < clients.Count && i < shown; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            MarkdownSafe.Append(sb, clients[i].AsSpan(0, Math.Min(60, clients[i].Length)));
        }

        if (clients.Count > shown)
        {
            sb.Append(", …");
        }

        return sb.ToString();
    }

    private static string Describe(Stakeholders s) => s switch
    {
        Stakeholders.CustomerFacing => "customer-facing",
        Stakeholders.External => "external",
        Stakeholders.Public => "public",
        _ => "internal",
    };
}
