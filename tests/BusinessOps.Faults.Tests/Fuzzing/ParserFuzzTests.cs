using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.GitHub.Errors;
using BusinessOps.GitHub.Events;
using BusinessOps.Policies;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace BusinessOps.Faults.Tests.Fuzzing;

/// <summary>
/// The parsers at the edge, on mutated real input: the shipped policy files, webhook payloads and issue-form bodies with
/// lines dropped, fragments inserted and characters replaced. Each either accepts the input or rejects it with its own
/// error type and a message that names the place (policies: file, line ≥ 1) — never another exception.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] YamlFragments = ["- ", ": ", "{", "}", "[", "&a ", "*a", "<<: *a", "!!python/object ", "\t", "~", "? ", "|", ">-", "99999999999999999999", "-1", "'", "\"", "#", "---", "...", "\uFEFF", "\u0000", "P9", "priority/P0", "maxIssues: 0"];

    private static readonly string[] JsonFragments = ["{", "}", "[", "]", ",", ":", "null", "\"", "\"number\": -1", "\"number\": 1e99", "\"labels\": [null]", "\"body\": null", "\"user\": {}", "\"action\": \"deleted\"", "\\u0000", "\"comment\": 7", "\"issue\": []"];

    private const string Payload = """
        {"action":"created","issue":{"number":12,"title":"Pay invoice","body":"### Amount\n\n$4,000","state":"open","labels":[{"name":"finance/analysis"}],"user":{"login":"dana","type":"User"},"created_at":"2026-11-02T09:00:00Z","updated_at":"2026-11-02T09:00:00Z","comments":1},"comment":{"id":5,"body":"/approve","user":{"login":"olivia","type":"User"},"created_at":"2026-11-02T09:05:00Z","updated_at":"2026-11-02T09:05:00Z"},"repository":{"full_name":"acme/ops"}}
        """;

    private const string FormBody = "### Invoice number\n\nINV-1\n\n### Amount\n\n$4,000\n\n### Priority\n\nP1\n\n### Details\n\n_No response_";

    [Fact]
    public void PolicyLoader_MutatedShippedFiles_ValidOrErrorsWithFileAndLine()
    {
        var shipped = PolicyFileNames.All.ToDictionary(name => name, name => File.ReadAllText(Path.Combine(ShippedPolicies(), name)));
        Gen.Select(Gen.OneOf([.. PolicyFileNames.All]), Mutations(YamlFragments)).Sample(
            (file, mutate) =>
            {
                var result = PolicyLoader.LoadFromStrings(new Dictionary<string, string>(shipped) { [file] = mutate(shipped[file]) });
                Assert.True(result.IsValid || result.Errors.Count > 0, "neither valid nor an error");
                foreach (var error in result.Errors)
                {
                    Assert.Contains(error.File, PolicyFileNames.All);
                    Assert.True(error.Line >= 1 && error.Column >= 1, $"no position: {error}");
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                }
            },
            writeLine: output.WriteLine,
            iter: 600);
    }

    [Fact]
    public void GitHubEvents_MutatedPayloads_ParsedOrOneClearLine()
    {
        Gen.Select(Gen.OneOf("issues", "issue_comment", "push", null, string.Empty), Mutations(JsonFragments)).Sample(
            (name, mutate) =>
            {
                try
                {
                    GitHubEvents.Parse(mutate(Payload), name);
                }
                catch (GitHubEventException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                    Assert.DoesNotContain('\n', ex.Message.TrimEnd());
                }
            },
            writeLine: output.WriteLine,
            iter: 3000);
    }

    [Fact]
    public void IssueFormParser_MutatedBodies_ParsedOrBadInput()
    {
        Gen.Select(Mutations(["### ", "\n", "_No response_", "### Amount", "$", "-->", "\r", "\u202E", "```"]), Inputs.Text).Sample(
            (mutate, extra) =>
            {
                try
                {
                    IssueFormParser.Parse(mutate(FormBody) + extra);
                }
                catch (BadInputException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }
            },
            writeLine: output.WriteLine,
            iter: 3000);
    }

    /// <summary>Up to four edits of a text: drop a line, insert a fragment at a position, or replace one character.</summary>
    private static Gen<Func<string, string>> Mutations(string[] fragments)
    {
        var one = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 10_000], Gen.OneOf(fragments), Gen.Char).Select<int, int, string, char, Func<string, string>>((kind, at, fragment, c) => text =>
        {
            if (text.Length == 0)
            {
                return fragment;
            }

            var i = at % text.Length;
            switch (kind)
            {
                case 0:
                    var start = text.LastIndexOf('\n', i) + 1;
                    var end = text.IndexOf('\n', i);
                    return end < 0 ? text[..start] : text[..start] + text[(end + 1)..];
                case 1:
                    return text[..i] + fragment + text[i..];
                default:
                    return text[..i] + c + text[(i + 1)..];
            }
        });
        return one.Array[1, 4].Select<Func<string, string>[], Func<string, string>>(edits => text => edits.Aggregate(text, (t, edit) => edit(t)));
    }

    private static string ShippedPolicies()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BusinessOps.sln")))
            {
                return Path.Combine(dir.FullName, "policies");
            }
        }

        throw new InvalidOperationException("BusinessOps.sln not found above " + AppContext.BaseDirectory);
    }
}
