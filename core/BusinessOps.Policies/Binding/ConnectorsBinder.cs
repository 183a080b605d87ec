using System.Net.Mail;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;
using BusinessOps.Core.Time;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>connectors.yml</c>: <c>github</c>, <c>webhook</c> (named <c>endpoints</c>), <c>email</c> (SMTP), <c>command</c>
/// (named <c>commands</c>) and per-kind <c>impacts</c>. Secrets are never accepted here: every <c>…Env</c> key must be
/// the NAME of an environment variable, and a value that looks like a secret is an error that says so.
/// </summary>
internal static class ConnectorsBinder
{
    private static readonly Choices<WebhookFormat> Formats = new("format", ("standard", WebhookFormat.Standard), ("slack", WebhookFormat.Slack));

    private static readonly Choices<SmtpSecurity> Securities = new("security",
        ("starttls", SmtpSecurity.StartTls), ("tls", SmtpSecurity.Tls), ("none", SmtpSecurity.None));

    private static readonly Choices<EffectImpact> Impacts = new("impact",
        ("financial", EffectImpact.Financial), ("customer-facing", EffectImpact.CustomerFacing),
        ("external", EffectImpact.External), ("irreversible", EffectImpact.Irreversible));

    public static ConnectorsPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var d = ConnectorsPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "github", "webhook", "email", "command", "impacts") is not { } file)
        {
            return d;
        }

        var gitHub = file.Get("github") is { } g ? GitHub(read, g) : null;
        var webhook = file.Get("webhook") is { } w ? Webhook(read, w) : null;
        var email = file.Get("email") is { } e ? Email(read, e) : null;
        var command = file.Get("command") is { } c ? Command(read, c) : null;
        var impacts = file.Get("impacts") is { } i ? ImpactOverrides(read, i) : null;
        return new ConnectorsPolicy(gitHub ?? d.GitHub, webhook ?? d.Webhook, email ?? d.Email, command ?? d.Command, impacts ?? d.Impacts);
    }

    private static GitHubConnectorPolicy? GitHub(ValueReader read, YamlValue node) =>
        MapReader.Open(read.Diagnostics, node, "github", "enabled") is { } map
            ? new GitHubConnectorPolicy(Enabled(read, map) ?? GitHubConnectorPolicy.Default.Enabled)
            : null;

    private static WebhookConnectorPolicy? Webhook(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "webhook", "enabled", "timeout", "retries", "retryDelay", "endpoints") is not { } map)
        {
            return null;
        }

        var d = WebhookConnectorPolicy.Default;
        var timeout = map.Get("timeout") is { } t ? Bounded(read, t, "webhook.timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) : d.Timeout;
        var retries = map.Get("retries") is { } r ? read.Int(r, "webhook.retries", 0, 10) : d.Retries;
        var delay = map.Get("retryDelay") is { } rd ? Bounded(read, rd, "webhook.retryDelay", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) : d.RetryDelay;
        var endpoints = new List<WebhookEndpoint>();
        if (map.Get("endpoints") is { } e && MapReader.Open(read.Diagnostics, e, "webhook.endpoints", [.. Keys(e)]) is { } list)
        {
            foreach (var entry in list.Entries)
            {
                if (Name(read, entry.Key, "endpoint") && Endpoint(read, entry.Key.Value, entry.Value) is { } endpoint)
                {
                    endpoints.Add(endpoint);
                }
            }
        }

        return new WebhookConnectorPolicy(Enabled(read, map) ?? d.Enabled, timeout ?? d.Timeout, retries ?? d.Retries, delay ?? d.RetryDelay, endpoints);
    }

    private static WebhookEndpoint? Endpoint(ValueReader read, string name, YamlValue node)
    {
        var where = "webhook.endpoints." + name;
        if (MapReader.Open(read.Diagnostics, node, where, "url", "urlEnv", "secretEnv", "format", "checkUrl") is not { } map)
        {
            return null;
        }

        var format = map.Get("format") is { } f ? read.Choice(f, "format", Formats) : WebhookFormat.Standard;
        var url = map.Get("url") is { } u ? Url(read, u, "url", needsKey: false) : null;
        var urlEnv = map.Get("urlEnv") is { } ue ? EnvName(read, ue, "urlEnv") : null;
        var secretEnv = map.Get("secretEnv") is { } se ? EnvName(read, se, "secretEnv") : null;
        var checkUrl = map.Get("checkUrl") is { } cu ? Url(read, cu, "checkUrl", needsKey: true) : null;
        if ((map.Get("url") is null) == (map.Get("urlEnv") is null))
        {
            read.Diagnostics.Error(node, $"'{where}' needs exactly one of 'url' (written here) or 'urlEnv' (the name of a variable holding the URL, for URLs that are secrets)");
        }

        if (format == WebhookFormat.Standard && map.Get("secretEnv") is null)
        {
            read.Diagnostics.Error(node, $"'{where}' needs 'secretEnv': the name of the environment variable holding its whsec_ signing secret");
        }

        return format is { } fmt ? new WebhookEndpoint(name, url, urlEnv, secretEnv, fmt, checkUrl) : null;
    }

    private static EmailConnectorPolicy? Email(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "email", "enabled", "host", "port", "security", "from", "usernameEnv", "passwordEnv", "timeout") is not { } map)
        {
            return null;
        }

        var d = EmailConnectorPolicy.Default;
        var enabled = Enabled(read, map) ?? d.Enabled;
        var host = map.Get("host") is { } h ? Host(read, h) : null;
        var port = map.Get("port") is { } p ? read.Int(p, "email.port", 1, 65535) : d.Port;
        var security = map.Get("security") is { } s ? read.Choice(s, "email.security", Securities) : d.Security;
        var from = map.Get("from") is { } f ? From(read, f) : null;
        var usernameEnv = map.Get("usernameEnv") is { } un ? EnvName(read, un, "usernameEnv") : null;
        var passwordEnv = map.Get("passwordEnv") is { } pw ? EnvName(read, pw, "passwordEnv") : null;
        var timeout = map.Get("timeout") is { } t ? Bounded(read, t, "email.timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) : d.Timeout;
        if (enabled && (map.Get("host") is null || map.Get("from") is null))
        {
            read.Diagnostics.Error(node, "'email' is enabled, so it needs 'host' (the SMTP server) and 'from' (the sender address)");
        }

        if ((map.Get("usernameEnv") is null) != (map.Get("passwordEnv") is null))
        {
            read.Diagnostics.Error(node, "'email' needs both 'usernameEnv' and 'passwordEnv' (variable names) or neither (no login)");
        }

        if (security == SmtpSecurity.None && host is not null && !EmailConnectorPolicy.IsLoopbackHost(host))
        {
            read.Diagnostics.Error(map.Get("security")!, $"'email.security: none' sends mail and passwords unencrypted; it is allowed only for a loopback host, not {host}: use starttls or tls");
        }

        return new EmailConnectorPolicy(enabled, host, port ?? d.Port, security ?? d.Security, from, usernameEnv, passwordEnv, timeout ?? d.Timeout);
    }

    private static CommandConnectorPolicy? Command(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "command", "enabled", "commands") is not { } map)
        {
            return null;
        }

        var commands = new List<CommandDefinition>();
        if (map.Get("commands") is { } c && MapReader.Open(read.Diagnostics, c, "command.commands", [.. Keys(c)]) is { } list)
        {
            foreach (var entry in list.Entries)
            {
                if (Name(read, entry.Key, "command") && CommandDefinition(read, entry.Key.Value, entry.Value) is { } command)
                {
                    commands.Add(command);
                }
            }
        }

        return new CommandConnectorPolicy(Enabled(read, map) ?? false, commands);
    }

    private static CommandDefinition? CommandDefinition(ValueReader read, string name, YamlValue node)
    {
        var where = "command.commands." + name;
        if (MapReader.Open(read.Diagnostics, node, where, "program", "args", "timeout", "environment", "workingDirectory", "checkable") is not { } map)
        {
            return null;
        }

        var program = map.Require("program") is { } p ? read.Text(p, "program", 500) : null;
        var args = map.Get("args") is { } a ? read.List(a, "args")?.Select(x => read.Text(x, "args", 500)).ToList() : [];
        var timeout = map.Get("timeout") is { } t ? Bounded(read, t, "timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(2)) : TimeSpan.FromMinutes(5);
        var environment = map.Get("environment") is { } e ? read.List(e, "environment")?.Select(x => EnvName(read, x, "environment")).ToList() : [];
        var directory = map.Get("workingDirectory") is { } w ? read.Text(w, "workingDirectory", 500) : null;
        var checkable = map.Get("checkable") is { } ch ? read.Bool(ch, "checkable") : false;
        if (program is null || args is null || args.Contains(null) || environment is null || environment.Contains(null) || timeout is null)
        {
            return null;
        }

        return new CommandDefinition(name, program, [.. args!], timeout.Value, [.. environment!], directory, checkable ?? false);
    }

    private static Dictionary<string, EffectImpact>? ImpactOverrides(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "impacts", [.. EffectCatalog.All.Select(k => k.Name)]) is not { } map)
        {
            return null;
        }

        var impacts = new Dictionary<string, EffectImpact>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (read.List(entry.Value, "impacts." + entry.Key.Value) is not { } items)
            {
                continue;
            }

            var impact = EffectImpact.None;
            foreach (var item in items)
            {
                impact |= read.Choice(item, "impacts." + entry.Key.Value, Impacts) ?? EffectImpact.None;
            }

            impacts[entry.Key.Value] = impact;
        }

        return impacts;
    }

    private static bool? Enabled(ValueReader read, MapReader map) =>
        map.Get("enabled") is { } e ? read.Bool(e, map.Path("enabled")) : null;

    private static IEnumerable<string> Keys(YamlValue node) =>
        node is YamlMap map ? map.Entries.Select(e => e.Key.Value).Distinct(StringComparer.Ordinal) : [];

    private static bool Name(ValueReader read, YamlText key, string what)
    {
        if (EffectShape.IsName(key.Value))
        {
            return true;
        }

        read.Diagnostics.Error(key, $"{what} name '{YamlText.Shorten(key.Value)}' must be lower-case letters, digits and '-', starting with a letter (effects name it as their target)");
        return false;
    }

    // Every …Env key holds a variable NAME; a value that looks like a secret is refused before it lands in a repository.
    private static string? EnvName(ValueReader read, YamlValue node, string key)
    {
        if (read.Text(node, key, 100) is not { } text)
        {
            return null;
        }

        if (text.Length > 0 && (char.IsAsciiLetterUpper(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            return text;
        }

        var secretish = text.StartsWith("whsec_", StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal) || text.Length >= 20;
        read.Diagnostics.Error(node, secretish
            ? $"'{key}' must be the NAME of an environment variable (like BUSINESSOPS_PAYABLES_SECRET), never the secret itself; remove the value from this file and rotate it if it was committed"
            : $"'{key}' must be the name of an environment variable: upper-case letters, digits and '_' (like BUSINESSOPS_SMTP_PASSWORD); found '{YamlText.Shorten(text)}'");
        return null;
    }

    private static Uri? Url(ValueReader read, YamlValue node, string key, bool needsKey)
    {
        if (read.Text(node, key, 2000) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || WebhookUrls.Problem(url) is not null)
        {
            read.Diagnostics.Error(node, $"'{key}' must be an https URL (http only for a loopback host such as 127.0.0.1); found '{YamlText.Shorten(text)}'");
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            read.Diagnostics.Error(node, $"'{key}' must not carry a user name or password; put secrets in environment variables (urlEnv, secretEnv)");
            return null;
        }

        if (needsKey && !text.Contains("{key}", StringComparison.Ordinal))
        {
            read.Diagnostics.Error(node, $"'{key}' must contain {{key}}, where the effect's key goes (e.g. https://payables.example.com/deliveries/{{key}})");
            return null;
        }

        return url;
    }

    private static string? Host(ValueReader read, YamlValue node)
    {
        if (read.Text(node, "email.host", 253) is not { } host)
        {
            return null;
        }

        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            read.Diagnostics.Error(node, $"'email.host' must be a host name or IP address (no scheme, no port); found '{YamlText.Shorten(host)}'");
            return null;
        }

        return host;
    }

    private static string? From(ValueReader read, YamlValue node)
    {
        if (read.Text(node, "email.from", 254) is not { } from)
        {
            return null;
        }

        if (!MailAddress.TryCreate(from, out _))
        {
            read.Diagnostics.Error(node, $"'email.from' must be an email address such as ops@example.com or \"Ops <ops@example.com>\"; found '{YamlText.Shorten(from)}'");
            return null;
        }

        return from;
    }

    private static TimeSpan? Bounded(ValueReader read, YamlValue node, string key, TimeSpan min, TimeSpan max)
    {
        var value = read.Duration(node, key);
        if (value is { } v && (v < min || v > max))
        {
            read.Diagnostics.Error(node, $"'{key}' must be from {Durations.Format(min)} to {Durations.Format(max)}; found {Durations.Format(v)}");
            return null;
        }

        return value;
    }
}
