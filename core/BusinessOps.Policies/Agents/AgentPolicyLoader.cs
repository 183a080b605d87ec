using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Policies.Binding.Automation;
using BusinessOps.Policies.Validation;
using BusinessOps.Policies.Yaml;

namespace BusinessOps.Policies.Agents;

/// <summary>
/// Loads the agents' files of a policy folder (<see cref="AgentFileNames"/>): each rules file bound strictly (misspelt keys,
/// missing fields and out-of-range values are errors with file:line:column), every template parsed, the knowledge base read.
/// Absent files keep the built-in defaults.
/// </summary>
public static class AgentPolicyLoader
{
    /// <summary>Loads from <paramref name="directory"/> (the folder of routing.yml).</summary>
    public static AgentLoadResult Load(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<PolicyError>();
        foreach (var name in AgentFileNames.All)
        {
            var source = PolicySource.FromDisk(directory, name);
            if (source.Problem is { } problem)
            {
                errors.Add(problem);
            }
            else if (source.Text is { } text)
            {
                files[name] = text;
            }
        }

        foreach (var (folder, pattern) in new[] { (AgentFileNames.TemplatesFolder, "*.sbn"), (AgentFileNames.KnowledgeFolder, "*.md") })
        {
            var path = Path.Combine(directory, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, pattern).Order(StringComparer.Ordinal).Take(AgentFileNames.MaxArticles))
            {
                var name = folder + "/" + Path.GetFileName(file);
                if (new FileInfo(file).Length > AgentFileNames.MaxTextChars * 4)
                {
                    errors.Add(PolicyError.ForFile(name, $"file is larger than {AgentFileNames.MaxTextChars / 1024} KB; split it"));
                    continue;
                }

                files[name] = File.ReadAllText(file, Encoding.UTF8);
            }
        }

        var result = LoadFromStrings(files);
        return result with { Errors = [.. errors, .. result.Errors] };
    }

    /// <summary>Loads from file name → content: rules files by name, <c>templates/x.sbn</c> and <c>knowledge/x.md</c>.</summary>
    public static AgentLoadResult LoadFromStrings(IReadOnlyDictionary<string, string> files)
    {
        var errors = new List<PolicyError>();
        var notes = new List<string>();
        T? Read<T>(string name, JsonTypeInfo<T> info, T fallback, Func<T, IEnumerable<(string, string)>> check)
            where T : class => files.TryGetValue(name, out var text) ? Bind(name, text, info, fallback, check, errors) : null;

        var d = AgentRules.Default;
        var json = AgentRulesJson.Default;
        var rules = new AgentRules
        {
            Support = Read(AgentFileNames.Support, json.SupportRules, SupportRules.Default, RulesChecks.Support) ?? d.Support,
            Finance = Read(AgentFileNames.Finance, json.FinanceRules, FinanceRules.Default, RulesChecks.Finance) ?? d.Finance,
            CustomerSuccess = Read(AgentFileNames.CustomerSuccess, json.CustomerSuccessRules, CustomerSuccessRules.Default, RulesChecks.CustomerSuccess) ?? d.CustomerSuccess,
            Analytics = Read(AgentFileNames.Analytics, json.AnalyticsRules, AnalyticsRules.Default, RulesChecks.Analytics) ?? d.Analytics,
            Sales = Read(AgentFileNames.Pricing, json.SalesRules, SalesRules.Default, RulesChecks.Sales) ?? d.Sales,
            Advisories = Read(AgentFileNames.Advisories, json.AdvisoryFile, new AdvisoryFile([]), RulesChecks.Advisories)?.Advisories ?? d.Advisories,
            Delivery = Read(AgentFileNames.Delivery, json.DeliveryRules, DeliveryRules.Default, RulesChecks.Delivery) ?? d.Delivery,
            Operations = Read(AgentFileNames.Operations, json.OperationsRules, OperationsRules.Default, RulesChecks.Operations) ?? d.Operations,
            Marketing = Read(AgentFileNames.Marketing, json.MarketingRules, MarketingRules.Default, RulesChecks.Marketing) ?? d.Marketing,
            Manager = Read(AgentFileNames.Manager, json.ManagerRules, ManagerRules.Default, RulesChecks.Manager) ?? d.Manager,
        };
        var model = Read(AgentFileNames.LanguageModel, json.LanguageModelPolicy, LanguageModelPolicy.Off, RulesChecks.LanguageModel) ?? LanguageModelPolicy.Off;

        var templates = new Dictionary<string, CommentTemplate>(StringComparer.Ordinal);
        var knowledge = new List<KnowledgeArticle>();
        foreach (var (name, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith(AgentFileNames.TemplatesFolder + "/", StringComparison.Ordinal))
            {
                // The report, dashboard and comment templates are the coordinator's, checked where it renders them (a broken
                // one is reported and its built-in copy used), so they never stop every command as an agents' policy error.
                if (ReportTemplateNames.All.Contains(name[(AgentFileNames.TemplatesFolder.Length + 1)..], StringComparer.Ordinal)
                    || name.StartsWith(Core.Comments.CommentNames.Folder + "/", StringComparison.Ordinal))
                {
                    continue;
                }

                var parse = TemplateCheck.Errors(name, text);
                errors.AddRange(parse);
                if (parse.Count == 0)
                {
                    templates[Path.GetFileNameWithoutExtension(name)] = new CommentTemplate(name, text);
                }
            }
            else if (name.StartsWith(AgentFileNames.KnowledgeFolder + "/", StringComparison.Ordinal))
            {
                knowledge.Add(new KnowledgeArticle(name, Title(name, text), text.Length > AgentFileNames.MaxTextChars ? text[..AgentFileNames.MaxTextChars] : text));
            }
        }

        foreach (var name in AgentFileNames.All.Where(n => !files.ContainsKey(n)))
        {
            notes.Add($"{name} not found: using the built-in agent rules");
        }

        var book = new AgentPolicyBook { Rules = rules, Templates = templates, Knowledge = knowledge, LanguageModel = model };
        return new AgentLoadResult(book, errors, notes);
    }

    /// <summary>
    /// Binds <paramref name="text"/> over <paramref name="fallback"/>: keys the file gives replace the built-in ones (a list
    /// as a whole), keys it leaves out keep them. A file of comments only is the built-in rules.
    /// </summary>
    private static T? Bind<T>(string name, string text, JsonTypeInfo<T> info, T fallback, Func<T, IEnumerable<(string Path, string Message)>> check, List<PolicyError> errors)
        where T : class
    {
        var diagnostics = new FileDiagnostics(name);
        if (text.Split('\n').All(l => l.Trim().Length == 0 || l.TrimStart().StartsWith('#')))
        {
            return fallback;
        }

        if (Encoding.UTF8.GetByteCount(text) > PolicyLoader.MaxFileBytes)
        {
            diagnostics.Error(1, 1, $"file is larger than {PolicyLoader.MaxFileBytes / 1024 / 1024} MB; policy files are a few kilobytes");
        }
        else if (YamlDocumentReader.Read(text, diagnostics.Error) is { } root)
        {
            try
            {
                var value = Overlay(JsonSerializer.SerializeToNode(fallback, info), JsonFromYaml.Convert(root)).Deserialize(info);
                if (value is null)
                {
                    diagnostics.Error(root, "the file is empty; delete it to use the built-in rules");
                }
                else
                {
                    foreach (var (path, message) in check(value))
                    {
                        diagnostics.Error(YamlPath.Find(root, path), $"{path.TrimStart('$', '.')}: {message}");
                    }

                    if (!diagnostics.HasErrors)
                    {
                        return value;
                    }
                }
            }
            catch (JsonException ex)
            {
                diagnostics.Error(YamlPath.Find(root, ex.Path), Describe(ex));
            }
        }

        errors.AddRange(diagnostics.Sorted());
        return null;
    }

    /// <summary>The file's values over the built-in ones: objects merge key by key, anything else (lists included) replaces.</summary>
    private static JsonNode? Overlay(JsonNode? built, JsonNode? file)
    {
        if (built is not JsonObject b || file is not JsonObject f)
        {
            return file?.DeepClone();
        }

        var merged = (JsonObject)b.DeepClone();
        foreach (var (key, value) in f)
        {
            merged[key] = Overlay(merged[key], value);
        }

        return merged;
    }

    /// <summary>The first sentence of System.Text.Json's message, with the key it is about.</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        var where = ex.Path is { Length: > 2 } p ? p.TrimStart('$', '.') + ": " : string.Empty;
        return where + message.Replace("System.", string.Empty, StringComparison.Ordinal);
    }

    private static string Title(string name, string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("# "))
            {
                return line[2..].Trim().ToString();
            }
        }

        return Path.GetFileNameWithoutExtension(name);
    }
}
