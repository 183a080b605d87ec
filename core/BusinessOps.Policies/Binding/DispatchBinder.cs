using BusinessOps.Core.Agents;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Time;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding;

/// <summary>
/// <c>dispatch.yml</c>: <c>local</c>, <c>retry</c>, <c>priorities</c> (all four, lambda or batch), <c>network</c>, <c>fairShare</c>, and
/// <c>batch</c> (how many issues one Batch job may carry), at the top level for every Batch priority or inside one priority.
/// </summary>
internal static class DispatchBinder
{
    // Longer than this, a stuck agent would hold its slot (and the pass) for no benefit: a clean exit takes seconds.
    private static readonly TimeSpan MaxGrace = TimeSpan.FromMinutes(5);

    public static DispatchPolicy Bind(YamlValue root, FileDiagnostics diagnostics)
    {
        var fallback = DispatchPolicy.Default;
        var read = new ValueReader(diagnostics);
        if (MapReader.Open(diagnostics, root, string.Empty, "local", "retry", "batch", "priorities", "network", "fairShare") is not { } file)
        {
            return fallback;
        }

        var local = file.Get("local") is { } l ? Local(read, l) : null;
        var retry = file.Get("retry") is { } r ? Retry(read, r) : null;
        var sets = file.Get("batch") is { } b ? Sets(read, b, "batch") ?? BatchSets.None : BatchSets.None;
        var targets = file.Get("priorities") is { } p
            ? PriorityMaps.Read(diagnostics, p, "priorities", (entry, path) => Target(read, entry, path, sets))
            : null;
        var network = file.Get("network") is { } n ? Network(read, n) : null;
        var perPass = file.Get("fairShare") is { } f ? PerPass(read, f) : null;
        return new DispatchPolicy(targets ?? new(fallback.Targets), local ?? fallback.Local, retry ?? fallback.Retry) { Network = network ?? fallback.Network, PerPass = perPass };
    }

    private static LocalDispatch? Local(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "local", "concurrency", "timeout", "grace", "warm", "recycleAfter", "maxWorkers") is not { } map)
        {
            return null;
        }

        var d = LocalDispatch.Default;
        var concurrency = map.Get("concurrency") is { } c ? read.Int(c, "concurrency", 0, 256) : d.Concurrency;
        var timeout = map.Get("timeout") is { } t ? read.Duration(t, "timeout") : d.Timeout;
        var grace = map.Get("grace") is { } g ? read.Duration(g, "grace") : d.Grace;
        if (grace is { } gr && gr > MaxGrace)
        {
            read.Diagnostics.Error(map.Get("grace")!, $"'grace' ({Durations.Format(gr)}) is too long: at most {Durations.Format(MaxGrace)}; an agent that ignores SIGTERM is killed after it");
        }

        var warm = map.Get("warm") is { } w ? read.Bool(w, "warm") : d.Warm;
        var recycle = map.Get("recycleAfter") is { } r ? read.Int(r, "recycleAfter", 1, 1_000_000) : d.RecycleAfter;
        var workers = map.Get("maxWorkers") is { } m ? read.Int(m, "maxWorkers", 1, 1024) : d.MaxWorkers;
        return new LocalDispatch(concurrency ?? d.Concurrency, timeout ?? d.Timeout)
        {
            Grace = grace ?? d.Grace,
            Warm = warm ?? d.Warm,
            RecycleAfter = recycle ?? d.RecycleAfter,
            MaxWorkers = workers ?? d.MaxWorkers,
        };
    }

    /// <summary><c>fairShare: { perPass: 200 }</c>: the pass's budget of new runs; none when absent.</summary>
    private static int? PerPass(ValueReader read, YamlValue node) =>
        MapReader.Open(read.Diagnostics, node, "fairShare", "perPass") is { } map && map.Get("perPass") is { } p
            ? read.Int(p, "perPass", 1, 100_000)
            : null;

    private static NetworkPolicy? Network(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "network", "allow") is not { } map)
        {
            return null;
        }

        if (map.Get("allow") is not { } allowNode || read.List(allowNode, "network.allow") is not { } items)
        {
            return NetworkPolicy.PublicOnly;
        }

        var policy = NetworkPolicy.PublicOnly;
        foreach (var item in items)
        {
            switch (read.Text(item, "network.allow", 20)?.Trim().ToLowerInvariant())
            {
                case "loopback":
                    policy = policy with { AllowLoopback = true };
                    break;
                case "private":
                    policy = policy with { AllowPrivate = true };
                    break;
                case "link-local":
                    policy = policy with { AllowLinkLocal = true };
                    break;
                case null:
                    break;
                case var other:
                    read.Diagnostics.Error(item, $"'network.allow' entries are loopback, private or link-local; found '{YamlText.Shorten(other)}' (public addresses are always allowed)");
                    break;
            }
        }

        return policy;
    }

    private static RetryPolicy? Retry(ValueReader read, YamlValue node)
    {
        if (MapReader.Open(read.Diagnostics, node, "retry", "base", "factor", "cap", "maxConsecutiveFailures") is not { } map)
        {
            return null;
        }

        var d = RetryPolicy.Default;
        var baseDelay = map.Get("base") is { } b ? read.Duration(b, "base") : d.BaseDelay;
        var factor = map.Get("factor") is { } f ? read.Number(f, "factor", 1, 10) : d.Factor;
        var cap = map.Get("cap") is { } c ? read.Duration(c, "cap") : d.Cap;
        var max = map.Get("maxConsecutiveFailures") is { } m ? read.Int(m, "maxConsecutiveFailures", 1, 100) : d.MaxConsecutiveFailures;
        if (baseDelay is { } bd && cap is { } cp && cp < bd)
        {
            read.Diagnostics.Error(map.Get("cap")!, $"'cap' ({Durations.Format(cp)}) must not be shorter than 'base' ({Durations.Format(bd)})");
        }

        return new RetryPolicy(baseDelay ?? d.BaseDelay, factor ?? d.Factor, cap ?? d.Cap, max ?? d.MaxConsecutiveFailures);
    }

    /// <summary><c>batch: { maxIssues: 10, maxWait: 2m }</c>; maxWait only means something when a job may carry several issues.</summary>
    private static BatchSets? Sets(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "maxIssues", "maxWait") is not { } map)
        {
            return null;
        }

        var maxIssues = map.Require("maxIssues") is { } m ? read.Int(m, "maxIssues", 1, BatchSets.Limit) : null;
        var maxWait = map.Get("maxWait") is { } w ? read.Duration(w, "maxWait") : TimeSpan.Zero;
        if (maxWait > BatchSets.WaitLimit)
        {
            read.Diagnostics.Error(map.Get("maxWait")!, $"'maxWait' ({Durations.Format(maxWait.Value)}) must be at most {Durations.Format(BatchSets.WaitLimit)}: issues wait this long for companions before their job starts");
            return null;
        }

        if (maxIssues == 1 && maxWait > TimeSpan.Zero)
        {
            read.Diagnostics.Error(map.Get("maxWait")!, "'maxWait' has no effect with maxIssues: 1 (one issue per job never waits); raise maxIssues or remove maxWait");
            return null;
        }

        return maxIssues is { } n && maxWait is { } wait ? new BatchSets(n, wait) : null;
    }

    private static DispatchTarget? Target(ValueReader read, YamlValue node, string path, BatchSets defaultSets)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "executor", "function", "queue", "jobDefinition", "runnableThreshold", "batch") is not { } map)
        {
            return null;
        }

        if (map.Require("executor") is not { } e || read.Choice(e, "executor", PolicyChoices.Executor) is not { } executor)
        {
            return null;
        }

        if (executor == ExecutorKind.Lambda)
        {
            NotFor(map, read, "lambda", "queue", "jobDefinition", "runnableThreshold", "batch");
            var function = map.Require("function") is { } f ? AwsName(read, f, "function") : null;
            return function is null ? null : new DispatchTarget(ExecutorKind.Lambda, function, null, null);
        }

        NotFor(map, read, "batch", "function");
        var queue = map.Require("queue") is { } q ? AwsName(read, q, "queue") : null;
        var jobDefinition = map.Require("jobDefinition") is { } j ? AwsName(read, j, "jobDefinition") : null;
        var threshold = map.Get("runnableThreshold") is { } r ? read.Duration(r, "runnableThreshold") : null;
        var sets = map.Get("batch") is { } b ? Sets(read, b, path + ".batch") : defaultSets;
        if (queue is null || jobDefinition is null)
        {
            return null;
        }

        var target = new DispatchTarget(ExecutorKind.Batch, null, queue, jobDefinition) { Sets = sets ?? defaultSets };
        return threshold is { } t ? target with { RunnableThreshold = t } : target;
    }

    // A key of the other executor is almost always a copy-paste slip; saying so beats ignoring it.
    private static void NotFor(MapReader map, ValueReader read, string executor, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (map.Get(key) is { } node)
            {
                read.Diagnostics.Error(node, $"'{key}' does not apply to executor {executor}; remove it or change 'executor'");
            }
        }
    }

    // Function, queue and job-definition names or ARNs: no spaces, no shell or URL metacharacters.
    private static string? AwsName(ValueReader read, YamlValue node, string key)
    {
        if (read.Text(node, key, 256) is not { } text)
        {
            return null;
        }

        foreach (var ch in text)
        {
            if (!(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or ':' or '/' or '.'))
            {
                read.Diagnostics.Error(node, $"'{key}' must be an AWS name or ARN (letters, digits, '-', '_', ':', '/', '.'); found '{YamlText.Shorten(text)}'");
                return null;
            }
        }

        return text;
    }
}
