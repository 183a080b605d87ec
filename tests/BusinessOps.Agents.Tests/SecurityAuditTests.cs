using System.Text.Json;
using BusinessOps.Agents.Hosting;
using BusinessOps.Agents.Samples;
using BusinessOps.Agents.Security;
using BusinessOps.Core;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Agents.Rules;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Issues;
using BusinessOps.Core.Labels;
using BusinessOps.Core.Results;
using BusinessOps.Core.State;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>Issue 13: the dependency audit and the repository scan; issue 11: redaction and the incident issue.</summary>
public sealed class SecurityAuditTests : IDisposable
{
    // Assembled at runtime so the repository never holds a token-shaped literal.
    private static readonly string AwsKeyId = "AKIA" + "ZQ3DN4RT7EXAMPLE";
    private static readonly string GhToken = "gh" + "p_" + "9a8B7c6D5e4F3g2H1i0JkLmNoPqRsTuVwXyZ";

    // The shipped advisories (policies/advisories.yml, the built-in list): the ranges of the GitHub Advisory Database.
    private static readonly DispatchContext Advisories = new()
    {
        Policies = new AgentPolicies { Rules = new AgentRules { Advisories = AgentRules.Default.Advisories } },
    };

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("bo-scan-");

    public void Dispose() => _root.Delete(recursive: true);

    private const string Props = """
        <Project>
          <ItemGroup>
            <PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />
            <PackageVersion Include="Serilog" Version="4.4.0" />
            <PackageVersion Include="Odd" Version="$(OddVersion)" />
          </ItemGroup>
        </Project>
        """;

    private const string LockV3 = """
        {"name":"web","lockfileVersion":3,"packages":{
          "":{"name":"web","version":"1.0.0"},
          "node_modules/express":{"version":"4.19.2"},
          "node_modules/express/node_modules/lodash":{"version":"4.17.20"},
          "node_modules/lodash":{"version":"4.17.21"}}}
        """;

    [Fact]
    public async Task RunAsync_PlantedVulnerableNuGetVersion_Found()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Directory.Packages.props", "```xml\n" + Props + "\n```")), context: Advisories);

        var finding = Assert.Single(run.Out("vulnerableDependencies").AsArray());
        Assert.Equal(("Newtonsoft.Json", "12.0.3", "GHSA-5crp-9r3c-p9vr"), (finding!["package"]!.GetValue<string>(), finding["version"]!.GetValue<string>(), finding["advisory"]!.GetValue<string>()));
        Assert.Equal(2, run.Num("dependenciesAudited"));
        Assert.Equal(1, run.Num("dependenciesUnaudited"));
        Assert.Equal(75, run.Num("score"));
        Assert.Contains("Upgrade Newtonsoft.Json 12.0.3", string.Join('\n', run.Result.Actions), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TransitiveVulnerableNpmCopy_FoundAndFixedCopyNot()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("package-lock.json", LockV3)), context: Advisories);

        var finding = Assert.Single(run.Out("vulnerableDependencies").AsArray());
        Assert.Equal(("lodash", "4.17.20", "GHSA-35jh-r3h4-6jhm"), (finding!["package"]!.GetValue<string>(), finding["version"]!.GetValue<string>(), finding["advisory"]!.GetValue<string>()));

        // A high advisory (not critical): medium impact.
        Assert.Equal(Impact.Medium, run.Result.Classification!.Impact);
    }

    [Fact]
    public async Task RunAsync_CriticalAdvisoryOfTheBusinessesOwn_HighImpact()
    {
        var own = new DispatchContext { Policies = new AgentPolicies { Rules = new AgentRules { Advisories = [new Advisory("GHSA-own-0001", "npm", "express", "4.0.0", "4.20.0", "critical", "An advisory a business added")] } } };

        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("package-lock.json", LockV3)), context: own);

        Assert.Equal("express", Assert.Single(run.Out("vulnerableDependencies").AsArray())!["package"]!.GetValue<string>());
        Assert.Equal(Impact.High, run.Result.Classification!.Impact);
    }

    [Fact]
    public void PackageLock_V1NestedDependencies_Read()
    {
        var deps = PackageLockReader.Read("""{"lockfileVersion":1,"dependencies":{"a":{"version":"1.0.0","dependencies":{"lodash":{"version":"4.1.0"}}}}}""", "lock", "package-lock.json");

        Assert.Equal(["a 1.0.0", "lodash 4.1.0"], deps.Select(d => d.Package + " " + d.Version));
    }

    [Theory]
    [InlineData("13.0.1", false)]
    [InlineData("13.0.0", true)]
    [InlineData("13.0.1-beta1", true)]
    [InlineData("4.5.5", true)]
    public void Audit_NewtonsoftJsonAgainstGhsa5crp_EveryVersionBelow13Point0Point1(string version, bool affected)
    {
        var (findings, _) = DependencyAuditor.Audit([new DependencyReference("nuget", "newtonsoft.json", version, "x")], Advisories.Policies.Rules!.Advisories!);

        Assert.Equal(affected, findings.Count == 1);
    }

    [Theory]
    [InlineData("lodash", "4.17.21", false)]
    [InlineData("lodash", "4.17.20", true)]
    [InlineData("lodash", "0.1.0", true)]
    [InlineData("lodash-es", "4.17.20", true)]
    [InlineData("lodash-es", "4.17.21", false)]
    [InlineData("lodash.template", "4.5.0", true)]
    [InlineData("lodash.camelcase", "4.3.0", false)]
    public void Audit_LodashAgainstGhsa35jh_BelowFixedOrEveryVersionWithoutFix(string package, string version, bool affected)
    {
        var (findings, _) = DependencyAuditor.Audit([new DependencyReference("npm", package, version, "x")], Advisories.Policies.Rules!.Advisories!);

        Assert.Equal(affected, findings.Any(f => f.Advisory.Id == "GHSA-35jh-r3h4-6jhm"));
    }

    [Theory]
    [InlineData("Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"A\" Version=\"1\"></Project>")]
    [InlineData("Directory.Packages.props", "{\"not\":\"xml\"}")]
    [InlineData("package-lock.json", "{\"packages\": {\"node_modules/a\": {\"version\": \"1.0.0\"},}")]
    [InlineData("package-lock.json", "[1,2]")]
    [InlineData("package-lock.json", "{\"name\":\"x\"}")]
    public async Task RunAsync_MalformedDependencyFile_BadInputNamesTheField(string field, string value)
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of((field, value)), context: Advisories);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"Field `{field}` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    private Task<AgentRun> ScanAsync(string path, IssueSnapshot? issue = null) =>
        AgentHost.ProcessAsync(new SecurityAgent(_root.FullName), issue ?? Agents.Issue(FormBody.Of(("Repository path", path))), "local/ops#7/a1/plan", "plan", Advisories, CancellationToken.None);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task RunAsync_RepositoryTree_SecretsWithTheirFilesAndNestedLockAudited()
    {
        Write("app/config/prod.env", "region=us-east-1\naws_access_key_id=" + AwsKeyId + "\n");
        Write("app/web/package-lock.json", LockV3);
        Write("app/README.md", "nothing to see\n");
        Write("app/node_modules/x/leak.txt", "token " + GhToken);
        File.WriteAllBytes(Path.Combine(_root.FullName, "app", "blob.bin"), [0, 1, 2, 65, 75, 73, 65]);

        var run = await ScanAsync("app");

        var finding = Assert.Single(run.Out("findings").AsArray());
        Assert.Equal(("config/prod.env", 2, "AKIA****"), (finding!["path"]!.GetValue<string>(), finding["line"]!.GetValue<int>(), finding["redacted"]!.GetValue<string>()));
        Assert.Equal("lodash", Assert.Single(run.Out("vulnerableDependencies").AsArray())!["package"]!.GetValue<string>());
        Assert.Equal(3, run.Num("filesScanned"));
        Assert.DoesNotContain(AwsKeyId, JsonSerializer.Serialize(run.Result, CoreJson.Default.AgentResult), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SymlinkOutOfTheRoot_NotFollowed()
    {
        var outside = Directory.CreateTempSubdirectory("bo-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "secret.txt"), "aws_access_key_id=" + AwsKeyId);
            Write("repo/ok.txt", "fine\n");
            Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "repo", "escape"), outside.FullName);
            File.CreateSymbolicLink(Path.Combine(_root.FullName, "repo", "secret-link.txt"), Path.Combine(outside.FullName, "secret.txt"));

            var run = await ScanAsync("repo");
            var linked = await ScanAsync("repo/escape");

            Assert.Empty(run.Out("findings").AsArray());
            Assert.Equal(2, run.Out("skipped").AsArray().Count(s => s!.GetValue<string>().Contains("symbolic link", StringComparison.Ordinal)));
            Assert.Equal(ExitCodes.BadInput, linked.ExitCode);
            Assert.Contains("symbolic links are not followed", linked.Result.Summary, StringComparison.Ordinal);
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/etc")]
    [InlineData("a/../../etc")]
    [InlineData("does-not-exist")]
    public async Task RunAsync_PathOutsideTheRootOrMissing_BadInput(string path)
    {
        var run = await ScanAsync(path);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Field `Repository path` is invalid", run.Result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeepTree_BoundedByDepth()
    {
        var deep = string.Join('/', Enumerable.Range(1, RepositoryScanner.MaxDepth + 2).Select(i => "d" + i));
        Write("tree/" + deep + "/leak.env", "aws_access_key_id=" + AwsKeyId);

        var run = await ScanAsync("tree");

        Assert.Empty(run.Out("findings").AsArray());
        Assert.Contains(run.Out("skipped").AsArray(), s => s!.GetValue<string>().Contains("deeper than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SecretInBodyAndComment_RedactedInBothAndIncidentOpened()
    {
        var body = FormBody.Of(("Content", "deploy:\n  token: " + GhToken + "\n"));
        IssueComment Comment(long id, string text) => new(id, "bob", text, Agents.Created, Agents.Created);
        var issue = Agents.Issue(body) with { Comments = [Comment(501, "same one again: " + GhToken), Comment(502, "no secret here")] };

        var run = await AgentHost.ProcessAsync(new SecurityAgent(), issue, "local/ops#7/a1/plan", "plan", null, CancellationToken.None);

        var effects = run.Result.Effects;
        Assert.Equal([EffectKinds.GitHubRedact, EffectKinds.GitHubRedact, EffectKinds.GitHubIssue], effects.Select(e => e.Kind));
        Assert.All(effects, e => Assert.Equal("#7", e.Target));
        Assert.Null(EffectParameters.Number(effects[0].Parameters, "comment"));
        Assert.Equal(501, EffectParameters.Number(effects[1].Parameters, "comment"));
        var secret = EffectParameters.Items(effects[0].Parameters, "secrets").Single();
        Assert.Equal(SecretFingerprint.Of(GhToken), new SecretFingerprint(secret.GetProperty("sha256").GetString()!, secret.GetProperty("length").GetInt32()));
        Assert.Equal([SecurityEffects.IncidentLabel, "priority/P1"], EffectParameters.Texts(effects[2].Parameters, "labels"));
        Assert.All(effects, e => Assert.Null(EffectShape.Problem(e)));
        Assert.DoesNotContain(GhToken, JsonSerializer.Serialize(run.Result, CoreJson.Default.AgentResult), StringComparison.Ordinal);

        // The fingerprint finds exactly the token's span in the body, so the connector replaces it and nothing else.
        var spans = SecretFingerprint.FindSpans(issue.Body, [SecretFingerprint.Of(GhToken)]);
        Assert.Equal(issue.Body.IndexOf(GhToken, StringComparison.Ordinal), Assert.Single(spans).Start);
    }

    [Fact]
    public async Task RunAsync_PrivateKeyBlock_WholeBlockFingerprinted()
    {
        var key = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4v9\nq2W3e4R5t6Y7u8I9o0P\n-----END RSA " + "PRIVATE KEY-----";
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", "key:\n" + key + "\n")));

        var redact = run.Result.Effects.First(e => e.Kind == EffectKinds.GitHubRedact);
        var secret = EffectParameters.Items(redact.Parameters, "secrets").Single();
        Assert.Equal(SecretFingerprint.Of(key).Sha256, secret.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task RunAsync_NothingFound_NoEffects()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", "Configure the token through an environment variable.")));

        Assert.Empty(run.Result.Effects);
    }

    [Fact]
    public async Task RunAsync_IncidentIssueWithoutContent_ResponseChecklist()
    {
        var issue = Agents.Issue("Secrets were exposed in #7.", labels: [SecurityEffects.IncidentLabel]);

        var run = await AgentHost.ProcessAsync(new SecurityAgent(), issue, "local/ops#8/a1/plan", "plan", null, CancellationToken.None);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(run.Out("incident").GetValue<bool>());
        Assert.Contains(run.Result.Actions, a => a.StartsWith("Revoke and rotate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NoInputAtAll_BadInputListsTheFields()
    {
        var run = await Agents.RunAsync(AgentNames.Security, FormBody.Of(("Content", "")));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("Repository path", run.Result.Summary, StringComparison.Ordinal);
    }
}
