using BusinessOps.Automation.Clients;
using BusinessOps.Automation.Feeds;
using BusinessOps.Automation.Triggers;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Binding.Automation;

/// <summary><c>triggers.yml</c>: <c>thresholds</c> on agents' outputs and <c>feeds</c> to poll, each opening issues from its template.</summary>
internal static class TriggersBinder
{
    public static Result Bind(YamlValue root, FileDiagnostics diagnostics, ClientDirectory clients)
    {
        var read = new ValueReader(diagnostics);
        var rules = new List<ThresholdRule>();
        var feeds = new List<FeedDefinition>();
        if (MapReader.Open(diagnostics, root, string.Empty, "thresholds", "feeds") is not { } file)
        {
            return new Result(rules, feeds);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (file.Get("thresholds") is { } t && read.List(t, "thresholds") is { } items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (Threshold(read, items[i], $"thresholds[{i}]") is { } rule && Unique(read, items[i], rule.Id, ids))
                {
                    rules.Add(rule);
                }
            }
        }

        if (file.Get("feeds") is { } f && read.List(f, "feeds") is { } feedItems)
        {
            for (var i = 0; i < feedItems.Count; i++)
            {
                if (Feed(read, feedItems[i], $"feeds[{i}]", clients) is { } feed && Unique(read, feedItems[i], feed.Id, ids))
                {
                    feeds.Add(feed);
                }
            }
        }

        return new Result(rules, feeds);
    }

    private static bool Unique(ValueReader read, YamlValue node, string id, HashSet<string> ids)
    {
        if (ids.Add(id))
        {
            return true;
        }

        read.Diagnostics.Error(node, $"id '{id}' is already used in this file; ids must be unique (they are part of every trigger key)");
        return false;
    }

    private static ThresholdRule? Threshold(ValueReader read, YamlValue node, string path)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "id", "watch", "when", "cooldown", "issue") is not { } map)
        {
            return null;
        }

        var id = map.Require("id") is { } i ? AutomationIds.Read(read, i, "id") : null;
        var watch = map.Get("watch") is { } w ? read.Agent(w, "watch") : null;
        ThresholdCondition? when = null;
        if (map.Require("when") is { } c && read.Text(c, "when", 200) is { } text)
        {
            if (!ThresholdParser.TryParse(text, out when, out var problem))
            {
                read.Diagnostics.Error(c, problem!);
            }
        }

        var cooldown = map.Get("cooldown") is { } cd ? read.Duration(cd, "cooldown") : TimeSpan.FromDays(1);
        var template = map.Require("issue") is { } t ? TemplateReader.Read(read, t, map.Path("issue"), TriggerEvaluator.Placeholders) : null;
        if (when is not null && AgentContract.WatchProblem(watch, when.Field) is { } never)
        {
            read.Diagnostics.Contract(map.Get("when")!, $"threshold '{id}': {never}");
        }

        if (template is not null && AgentContract.TemplateProblem(template, $"the issue of threshold '{id}'") is { } lacking)
        {
            read.Diagnostics.Contract(map.Get("issue")!, lacking);
        }

        return id is null || when is null || cooldown is null || template is null ? null : new ThresholdRule(id, watch, when, cooldown.Value, template);
    }

    private static FeedDefinition? Feed(ValueReader read, YamlValue node, string path, ClientDirectory clients)
    {
        if (MapReader.Open(read.Diagnostics, node, path, "id", "url", "every", "client", "maxItemsPerPoll", "initialItems", "issue") is not { } map)
        {
            return null;
        }

        var id = map.Require("id") is { } i ? AutomationIds.Read(read, i, "id") : null;
        Uri? url = null;
        if (map.Require("url") is { } u && read.Text(u, "url", 2000) is { } text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp) && parsed.UserInfo.Length == 0)
            {
                url = parsed;
            }
            else
            {
                read.Diagnostics.Error(u, $"'url' must be an absolute http(s) URL without credentials, e.g. https://example.com/feed.xml; found '{YamlText.Shorten(text)}'");
            }
        }

        var every = map.Get("every") is { } e ? read.Duration(e, "every") : TimeSpan.FromHours(1);
        if (every is { } span && span < TimeSpan.FromMinutes(5))
        {
            read.Diagnostics.Error(map.Get("every")!, "'every' must be at least 5m; feeds change slowly and servers rate-limit pollers");
            every = null;
        }

        var client = map.Get("client") is { } c ? AutomationIds.Read(read, c, "client") : null;
        if (client is not null && clients.Find(client) is { IsFound: false } missing)
        {
            read.Diagnostics.Error(map.Get("client")!, missing.Message);
            client = null;
        }

        var max = map.Get("maxItemsPerPoll") is { } m ? read.Int(m, "maxItemsPerPoll", 1, 50) : 10;
        var initial = map.Get("initialItems") is { } ii ? read.Int(ii, "initialItems", 0, 50) : 0;
        var template = map.Require("issue") is { } t ? TemplateReader.Read(read, t, map.Path("issue"), FeedDefinition.Placeholders) : null;
        if (template is not null && AgentContract.TemplateProblem(template, $"the issue of feed '{id}'") is { } lacking)
        {
            read.Diagnostics.Contract(map.Get("issue")!, lacking);
        }

        return id is null || url is null || every is null || max is null || initial is null || template is null
            ? null
            : new FeedDefinition(id, url, every.Value, template) { Client = client, MaxItemsPerPoll = max.Value, InitialItems = initial.Value };
    }

    /// <summary>The threshold rules and feeds.</summary>
    internal sealed record Result(List<ThresholdRule> Thresholds, List<FeedDefinition> Feeds);
}
