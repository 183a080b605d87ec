using BusinessOps.Core.Policies;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary><c>timeouts: {synchronous|asynchronous|consensus: {after, fallback, backupRole?}}</c>, all three required.</summary>
internal static class ApprovalTimeouts
{
    public static Dictionary<ApprovalKind, ApprovalTimeout>? Read(ValueReader read, YamlValue node, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        var kinds = PolicyChoices.ApprovalKind;
        if (MapReader.Open(read.Diagnostics, node, "timeouts", [.. kinds.Names]) is not { } map)
        {
            return null;
        }

        var result = new Dictionary<ApprovalKind, ApprovalTimeout>();
        foreach (var name in kinds.Names)
        {
            if (map.Require(name) is { } entry && One(read, entry, map.Path(name), roles) is { } timeout && kinds.TryParse(name, out var kind))
            {
                result[kind] = timeout;
            }
        }

        return result;
    }

    private static ApprovalTimeout? One(ValueReader read, YamlValue node, string path, IReadOnlyDictionary<string, IReadOnlyList<string>> roles)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "after", "fallback", "backupRole") is not { } map)
        {
            return null;
        }

        var after = map.Require("after") is { } a ? read.Duration(a, "after") : null;
        var fallback = map.Require("fallback") is { } f ? read.Choice(f, "fallback", PolicyChoices.Fallback) : null;
        var backup = map.Get("backupRole") is { } b ? ApprovalsBinder.RoleReference(read, b, "backupRole", roles) : null;
        if (fallback == TimeoutFallback.BackupApprover && map.Get("backupRole") is null)
        {
            read.Diagnostics.Error(map.Map, $"'{path}' falls back to backup-approver but names no 'backupRole'");
        }
        else if (fallback is { } fb && fb != TimeoutFallback.BackupApprover && map.Get("backupRole") is { } extra)
        {
            read.Diagnostics.Error(extra, $"'backupRole' applies only to fallback backup-approver, not {PolicyChoices.Fallback.NameOf(fb)}; remove it");
        }

        return after is { } t && fallback is { } value ? new ApprovalTimeout(t, value, backup) : null;
    }
}
