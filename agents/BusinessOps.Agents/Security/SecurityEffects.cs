using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Governance;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Results;

namespace BusinessOps.Agents.Security;

/// <summary>
/// What approving a security scan releases: every found secret redacted wherever it occurs in the issue — its
/// description and each comment that holds one (<c>github.redact</c>, secrets named by fingerprint only) — and a
/// <c>security/incident</c> sub-issue that tracks rotating them.
/// </summary>
internal static class SecurityEffects
{
    public const string IncidentLabel = "security/incident";
    private const int MaxSecretsPerEffect = 20;
    private const int MaxRedactions = 40;

    public static IReadOnlyList<Effect> For(IssueSnapshot issue, IReadOnlyList<SecretFinding> found)
    {
        var fingerprints = found.Select(f => f.Fingerprint).OfType<SecretFingerprint>().Where(f => f.Length is >= 8 and <= SecretScanner.MaxFingerprintLength)
            .Distinct().Take(MaxSecretsPerEffect).ToList();
        var target = "#" + issue.Number.ToString(CultureInfo.InvariantCulture);
        var effects = new List<Effect>();
        if (fingerprints.Count > 0)
        {
            if (SecretFingerprint.FindSpans(issue.Body ?? string.Empty, fingerprints).Count > 0)
            {
                effects.Add(Redact(target, null, fingerprints));
            }

            effects.AddRange((issue.Comments ?? []).Where(c => !c.AuthorIsBot && c.Id > 0 && c.Body is not null && SecretFingerprint.FindSpans(c.Body, fingerprints).Count > 0)
                .Take(MaxRedactions).Select(c => Redact(target, c.Id, fingerprints)));
        }

        if (found.Count > 0)
        {
            effects.Add(Incident(issue, target, found));
        }

        return effects;
    }

    private static Effect Redact(string target, long? comment, IReadOnlyList<SecretFingerprint> secrets)
    {
        var parameters = new JsonObject
        {
            ["secrets"] = new JsonArray([.. secrets.Select(s => (JsonNode)new JsonObject { ["sha256"] = s.Sha256, ["length"] = s.Length })]),
            ["replacement"] = "[redacted]",
        };
        if (comment is { } id)
        {
            parameters["comment"] = id;
        }

        return Effect.Create(EffectKinds.GitHubRedact, target, parameters);
    }

    private static Effect Incident(IssueSnapshot issue, string target, IReadOnlyList<SecretFinding> found)
    {
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Secrets were exposed in {target}. Each must be revoked and rotated, and its use since exposure checked in the provider's audit log.\n\n| Where | Kind | Severity | Value |\n|---|---|---|---|\n");
        foreach (var f in found.Take(50))
        {
            var where = f.Path is null ? $"{target}, line {f.Line}" : $"{MarkdownSafe.Cell(f.Path, 120)}:{f.Line}";
            body.Append(CultureInfo.InvariantCulture, $"| {where} | {f.Kind} | {f.Severity} | `{f.Redacted}` |\n");
        }

        body.Append("\n- [ ] Revoke and rotate every credential above\n- [ ] Check the providers' audit logs for use since exposure\n- [ ] Remove them from the repository history and enable push protection\n");
        var title = string.Create(CultureInfo.InvariantCulture, $"Security incident: {found.Count} exposed secret(s) in {target}");
        return Effect.Create(EffectKinds.GitHubIssue, target, new JsonObject
        {
            ["title"] = title,
            ["body"] = body.ToString(),
            ["labels"] = new JsonArray(IncidentLabel, "priority/P1"),
            ["subIssue"] = true,
        });
    }
}
