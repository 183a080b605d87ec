using BusinessOps.Core.Policies;
using BusinessOps.Core.Ports;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>approvals.yml</c>: <c>allowSelfApproval</c>, <c>minimumPermission</c>, <c>roles</c>, <c>financial</c>,
/// <c>customers</c>, <c>timeouts</c>, <c>commands</c>. Roles are read first so every reference can be checked.
/// </summary>
internal static class ApprovalsBinder
{
    public static ApprovalPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = ApprovalPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "allowSelfApproval", "minimumPermission", "roles", "financial", "customers", "timeouts", "commands") is not { } file)
        {
            return fallback;
        }

        var selfApproval = file.Get("allowSelfApproval") is { } s ? read.Bool(s, "allowSelfApproval") : fallback.AllowSelfApproval;
        var minimum = file.Get("minimumPermission") is { } p ? MinimumPermission(read, p) : fallback.MinimumApproverPermission;
        var roles = file.Get("roles") is { } r ? ApprovalRoles.Read(read, r) : null;
        var known = roles ?? fallback.Roles;
        var tiers = file.Get("financial") is { } f ? FinancialTiers.Read(read, f, known) : null;
        var customers = file.Get("customers") is { } c ? Customers(read, c, known) : null;
        var timeouts = file.Get("timeouts") is { } t ? ApprovalTimeouts.Read(read, t, known) : null;
        var commands = file.Get("commands") is { } cm ? CommandPermissions.Read(read, cm) : null;
        if (roles is not null)
        {
            DefaultsNeedRoles(read, file, roles, fallback);
        }

        return new ApprovalPolicy(
            known,
            tiers ?? fallback.FinancialTiers,
            customers ?? fallback.CustomerTiers,
            timeouts ?? fallback.Timeouts,
            commands ?? fallback.Commands,
            selfApproval ?? fallback.AllowSelfApproval,
            minimum ?? fallback.MinimumApproverPermission);
    }

    /// <summary>A role reference that must name a role defined under <c>roles</c>.</summary>
    public static string? RoleReference(ValueReader read, YamlValue node, string key, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        if (read.Text(node, key, 50) is not { } role)
        {
            return null;
        }

        if (!roles.ContainsKey(role))
        {
            var defined = roles.Keys.Order(StringComparer.Ordinal).ToList();
            read.Diagnostics.Error(node, $"role '{YamlText.Shorten(role)}' is not defined{Suggest.Hint(role, defined)}; define it under 'roles' or use one of {string.Join(", ", defined)}");
            return null;
        }

        return role;
    }

    // A section left out falls back to its default, whose role names must then exist in the custom roles.
    private static void DefaultsNeedRoles(ValueReader read, MapReader file, Dictionary<string, IReadOnlyList<string>> roles, ApprovalPolicy fallback)
    {
        (string Section, IEnumerable<string?> Roles)[] sections =
        [
            ("financial", fallback.FinancialTiers.Select(t => t.Role)),
            ("customers", fallback.CustomerTiers.Select(t => (string?)t.Role)),
            ("timeouts", fallback.Timeouts.Values.Select(t => t.BackupRole)),
        ];
        foreach (var (section, used) in sections)
        {
            var missing = used.OfType<string>().Where(r => !roles.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
            if (file.Get(section) is null && missing.Count > 0)
            {
                read.Diagnostics.Error(file.Get("roles")!, $"'{section}' is not set, so its default applies and needs the roles {string.Join(", ", missing)}; define them under 'roles' or set '{section}'");
            }
        }
    }

    // Anyone can read a public repository, so 'none' or 'read' would let strangers approve.
    private static RepositoryPermission? MinimumPermission(ValueReader read, YamlValue node)
    {
        var permission = read.Choice(node, "minimumPermission", PolicyChoices.Permission);
        if (permission is < RepositoryPermission.Triage)
        {
            read.Diagnostics.Error(node, $"'minimumPermission' {PolicyChoices.Permission.NameOf(permission.Value)} would let anyone who can read the repository approve; expected one of triage, write, maintain, admin");
            return null;
        }

        return permission;
    }

    private static List<CustomerTier>? Customers(ValueReader read, YamlValue node, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        var scopes = PolicyChoices.CustomerScope;
        if (MapReader.Open(read.Diagnostics, node, "customers", [.. scopes.Names]) is not { } map)
        {
            return null;
        }

        var result = new List<CustomerTier>();
        foreach (var name in scopes.Names)
        {
            if (map.Require(name) is { } entry && RoleReference(read, entry, name, roles) is { } role && scopes.TryParse(name, out var scope))
            {
                result.Add(new CustomerTier(scope, role));
            }
        }

        return result;
    }
}
