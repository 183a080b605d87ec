using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BusinessOps.TestKit.Aws;

/// <summary>Checks request bodies against the AWS Batch API reference (2016-08-10) for the fields we use. Pure.</summary>
public static partial class FakeBatchShape
{
    private static readonly HashSet<string> SubmitFields =
    [
        "jobName", "jobQueue", "shareIdentifier", "schedulingPriorityOverride", "arrayProperties", "dependsOn", "jobDefinition", "parameters",
        "containerOverrides", "nodeOverrides", "retryStrategy", "propagateTags", "timeout", "tags", "eksPropertiesOverride", "ecsPropertiesOverride",
    ];

    /// <summary>Null when <paramref name="body"/> is a valid SubmitJob request; otherwise the ClientException message.</summary>
    public static string? ValidateSubmit(JsonObject body)
    {
        if (body.Select(p => p.Key).FirstOrDefault(k => !SubmitFields.Contains(k)) is { } unknown)
        {
            return $"Unknown parameter in input: \"{unknown}\"";
        }

        if (Str(body, "jobName") is not { } name || !JobName().IsMatch(name))
        {
            return $"jobName '{Str(body, "jobName")}' must be 1-128 of [A-Za-z0-9_-] starting with a letter or digit";
        }

        if (Str(body, "jobQueue") is null or "" || Str(body, "jobDefinition") is null or "")
        {
            return "jobQueue and jobDefinition are required";
        }

        if (body["shareIdentifier"] is { } share && (share.GetValueKind() != System.Text.Json.JsonValueKind.String || !Share().IsMatch(share.GetValue<string>())))
        {
            return "shareIdentifier must be 1-255 alphanumeric characters";
        }

        if (body["schedulingPriorityOverride"] is { } priority && priority.GetValue<int>() is < 0 or > 9999)
        {
            return "schedulingPriorityOverride must be between 0 and 9999";
        }

        return ValidateOverrides(body["containerOverrides"] as JsonObject) ?? ValidateRetry(body["retryStrategy"] as JsonObject) ?? ValidateTags(body["tags"] as JsonObject);
    }

    private static string? ValidateOverrides(JsonObject? overrides)
    {
        if (overrides is null)
        {
            return null;
        }

        if (overrides["command"] is not JsonArray command || command.Count == 0 || command.Any(c => c?.GetValueKind() != System.Text.Json.JsonValueKind.String))
        {
            return "containerOverrides.command must be a non-empty array of strings";
        }

        foreach (var variable in overrides["environment"] as JsonArray ?? [])
        {
            if (variable is not JsonObject pair || Str(pair, "name") is not { } envName || Str(pair, "value") is null)
            {
                return "containerOverrides.environment entries need string name and value";
            }

            if (envName.StartsWith("AWS_BATCH", StringComparison.Ordinal))
            {
                return "environment variable names starting with AWS_BATCH are reserved";
            }
        }

        return null;
    }

    private static string? ValidateRetry(JsonObject? retry)
    {
        if (retry is null)
        {
            return null;
        }

        if (retry["attempts"]?.GetValue<int>() is not (>= 1 and <= 10))
        {
            return "retryStrategy.attempts must be between 1 and 10";
        }

        var conditions = retry["evaluateOnExit"] as JsonArray ?? [];
        if (conditions.Count > 5)
        {
            return "retryStrategy.evaluateOnExit allows at most 5 entries";
        }

        foreach (var entry in conditions.OfType<JsonObject>())
        {
            if (Str(entry, "action")?.ToUpperInvariant() is not ("RETRY" or "EXIT"))
            {
                return "evaluateOnExit.action must be RETRY or EXIT";
            }

            foreach (var field in new[] { "onStatusReason", "onReason" })
            {
                if (Str(entry, field) is { } glob && (glob.Length > 512 || !Glob().IsMatch(glob)))
                {
                    return $"evaluateOnExit.{field} '{glob}' may contain letters, digits, '.', ':', white space and only a trailing '*'";
                }
            }

            if (Str(entry, "onExitCode") is { } code && !ExitCodeGlob().IsMatch(code))
            {
                return $"evaluateOnExit.onExitCode '{code}' may contain digits and only a trailing '*'";
            }
        }

        return null;
    }

    private static string? ValidateTags(JsonObject? tags)
    {
        foreach (var (key, value) in tags ?? [])
        {
            if (key.Length is 0 or > 128 || !TagText().IsMatch(key) || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                return $"tag key '{key}' is invalid";
            }

            if (value?.GetValueKind() != System.Text.Json.JsonValueKind.String || value.GetValue<string>().Length > 256 || !TagText().IsMatch(value.GetValue<string>()))
            {
                return $"tag value of '{key}' is invalid";
            }
        }

        return null;
    }

    internal static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")]
    public static partial Regex JobName();

    [GeneratedRegex("^[A-Za-z0-9]{1,255}$")]
    private static partial Regex Share();

    [GeneratedRegex(@"^[A-Za-z0-9.: \t]*\*?$")]
    private static partial Regex Glob();

    [GeneratedRegex(@"^[0-9]*\*?$")]
    private static partial Regex ExitCodeGlob();

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
