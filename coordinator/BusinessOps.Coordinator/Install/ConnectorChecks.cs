using System.Globalization;
using System.Net.Sockets;
using BusinessOps.Connectors.Email;
using BusinessOps.Connectors.Webhooks;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;

namespace BusinessOps.Coordinator.Install;

/// <summary>
/// <c>coordinator doctor</c>'s lines for <c>policies/connectors.yml</c>: each connector on or off, each webhook endpoint
/// and the SMTP server configured (their secret variables set) and reachable (a TCP connection, nothing sent), each
/// command's program found and its variables set; each endpoint the agents send to that is left unset, with what to add.
/// Variables are named, never printed; a URL read from a variable is a
/// secret too, so only its variable's name appears.
/// </summary>
internal static class ConnectorChecks
{
    /// <summary>How long a reachability probe waits for a connection.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private const string PolicyFix = "fix policies/connectors.yml, or set the variable it names (a repository or environment secret in Actions)";

    public static async Task<IReadOnlyList<DoctorCheck>> RunAsync(ConnectorsPolicy policy, IReadOnlyDictionary<string, string?> env, HttpClient http, TimeProvider clock, bool localExecutor, CancellationToken cancellationToken)
    {
        string? Lookup(string name) => env.GetValueOrDefault(name);
        var checks = new List<DoctorCheck>
        {
            DoctorCheck.Ok("connector github", policy.GitHub.Enabled ? "enabled: effects act through the store's own client, token and pacing" : Off),
        };

        if (!policy.Webhook.Enabled)
        {
            checks.Add(DoctorCheck.Ok("connector webhook", Off));
        }
        else if (policy.Webhook.Endpoints.Count == 0)
        {
            checks.Add(DoctorCheck.Warn("connector webhook", "enabled, but no endpoint is listed: every webhook effect will be refused", "list the endpoints under webhook.endpoints in policies/connectors.yml"));
        }
        else
        {
            var webhook = new WebhookConnector(policy.Webhook, Lookup, http, clock);
            foreach (var endpoint in policy.Webhook.Endpoints)
            {
                checks.Add(await EndpointAsync(webhook, endpoint, clock, cancellationToken));
            }
        }

        checks.Add(policy.Email.Enabled ? await EmailAsync(policy.Email, Lookup, clock, cancellationToken) : DoctorCheck.Ok("connector email", Off));
        if (!policy.Command.Enabled)
        {
            checks.Add(DoctorCheck.Ok("connector command", Off));
        }
        else if (!localExecutor)
        {
            checks.Add(DoctorCheck.Warn("connector command", "enabled, but agents do not run with the local executor here: command effects will be refused", "run with BUSINESSOPS_EXECUTOR=local, or turn command.enabled off"));
        }
        else
        {
            checks.AddRange(policy.Command.Commands.Select(c => Command(c, Lookup)));
        }

        // The endpoints the shipped agents send to and this policy leaves unset, with what to add so their plans can run:
        // to look at when webhooks are on, for information when they are off on purpose.
        checks.AddRange(ConnectorTargets.Missing(policy).Select(k => Target(k, policy)));
        return checks;
    }

    private static string Off => "off (enabled: false in policies/connectors.yml)";

    private static DoctorCheck Target(ConnectorTargets.Known target, ConnectorsPolicy policy)
    {
        var name = "connector target " + target.Name;
        var add = ConnectorTargets.AddEndpoint(target.Name, !policy.Webhook.Enabled)
            + (target.CommandToo ? $"; or, for a deploy script, {ConnectorTargets.AddCommand(target.Name, !policy.Command.Enabled)}" : string.Empty);
        var detail = $"not configured: {target.UsedFor} cannot run here (their plans say so before anyone approves)";
        return policy.Webhook.Enabled ? DoctorCheck.Warn(name, detail, add) : DoctorCheck.Ok(name, $"{detail}; to let them run, {add}");
    }

    private static async Task<DoctorCheck> EndpointAsync(WebhookConnector webhook, WebhookEndpoint endpoint, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = "connector webhook " + endpoint.Name;
        var problem = webhook.EndpointProblem(endpoint.Name);
        if (problem is not null || webhook.EndpointUrl(endpoint.Name) is not { } url)
        {
            return DoctorCheck.Fail(name, problem ?? "cannot be used", PolicyFix);
        }

        var where = endpoint.Url is not null ? url.GetLeftPart(UriPartial.Authority) : $"its URL (from {endpoint.UrlEnv})";
        var secret = endpoint.SecretEnv is { } secretEnv ? $"; signing secret {secretEnv} set" : "; unsigned (chat)";
        return await ReachAsync(url.Host, url.Port, clock, cancellationToken) is { } unreachable
            ? DoctorCheck.Warn(name, $"configured{secret}, but {where} is not reachable from here: {unreachable}", "check the URL and that the receiver is up (effects to it fail, and are retried, until it answers)")
            : DoctorCheck.Ok(name, $"configured{secret}; {where} reachable");
    }

    private static async Task<DoctorCheck> EmailAsync(EmailConnectorPolicy email, Func<string, string?> lookup, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (new EmailConnector(email, lookup).Problem is { } problem)
        {
            return DoctorCheck.Fail("connector email", problem, PolicyFix);
        }

        var login = email.UsernameEnv is null && email.PasswordEnv is null ? "no authentication" : $"login from {email.UsernameEnv} and {email.PasswordEnv} (set)";
        var server = string.Create(CultureInfo.InvariantCulture, $"{email.Host}:{email.Port}");
        return await ReachAsync(email.Host!, email.Port, clock, cancellationToken) is { } unreachable
            ? DoctorCheck.Warn("connector email", $"configured ({login}), but {server} is not reachable from here: {unreachable}", "check email.host and email.port, and that outgoing SMTP is allowed here")
            : DoctorCheck.Ok("connector email", $"configured ({login}); {server} reachable");
    }

    private static DoctorCheck Command(CommandDefinition command, Func<string, string?> lookup)
    {
        var name = "connector command " + command.Name;
        if (!ProgramExists(command.Program, command.WorkingDirectory, lookup("PATH")))
        {
            return DoctorCheck.Fail(name, $"program '{command.Program}' is not found", "fix the command's program in policies/connectors.yml (a path, or a name on PATH)");
        }

        var missing = command.Environment.Where(v => string.IsNullOrEmpty(lookup(v))).ToList();
        return missing.Count > 0
            ? DoctorCheck.Warn(name, $"program found; not set: {string.Join(", ", missing)}", "set the variables the command lists under environment")
            : DoctorCheck.Ok(name, $"program found{(command.Environment.Count > 0 ? "; " + string.Join(", ", command.Environment) + " set" : string.Empty)}");
    }

    private static bool ProgramExists(string program, string? workingDirectory, string? path)
    {
        if (program.Contains('/', StringComparison.Ordinal) || program.Contains('\\', StringComparison.Ordinal))
        {
            return File.Exists(Path.IsPathRooted(program) ? program : Path.Combine(workingDirectory ?? ".", program));
        }

        return (path ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, program)));
    }

    /// <summary>Null when a TCP connection to <paramref name="host"/>:<paramref name="port"/> opens; else why not, in a few words.</summary>
    private static async Task<string?> ReachAsync(string host, int port, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ConnectTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, linked.Token);
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData => "the host name does not resolve",
                SocketError.ConnectionRefused => "the connection was refused",
                _ => ex.SocketErrorCode.ToString(),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no answer within {ConnectTimeout.TotalSeconds:0}s");
        }
    }
}
