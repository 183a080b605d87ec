using BusinessOps.Infra.Tests.Support;
using Xunit;

namespace BusinessOps.Infra.Tests.CloudFormation;

public sealed class TemplateParameterTests
{
    private readonly CfnTemplate _template = CfnTemplate.Load();

    [Fact]
    public void Parameters_Every_HasADescription()
    {
        var undocumented = _template.Parameters
            .Where(p => string.IsNullOrWhiteSpace(p.Value.Text("Description")))
            .Select(p => p.Key)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Parameters_Every_HasARowInDocsAws()
    {
        var documented = DocumentedParameters();

        var missing = _template.Parameters.Keys.Where(name => !documented.Contains(name)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void DocsAws_ParameterRows_AllExistInTheTemplate()
    {
        var rows = DocumentedParameters();

        var stale = rows.Where(name => !_template.Parameters.ContainsKey(name)).ToList();

        Assert.NotEmpty(rows);
        Assert.Empty(stale);
    }

    [Theory]
    [InlineData("GitHubOrg")]
    [InlineData("GitHubRepo")]
    [InlineData("AgentImageUri")]
    [InlineData("LambdaMemory")]
    [InlineData("LogRetentionDays")]
    [InlineData("MaxvCpus")]
    [InlineData("DefaultBranch")]
    [InlineData("GitHubTokenIssuer")]
    [InlineData("LambdaEventMaxAgeSeconds")]
    [InlineData("LambdaReservedConcurrency")]
    public void Parameters_Expected_AreDeclared(string name)
    {
        Assert.True(_template.Parameters.ContainsKey(name), name);
    }

    [Fact]
    public void Parameters_Defaults_SatisfyTheirOwnAllowedValues()
    {
        var bad = _template.Parameters
            .Where(p => p.Value.Text("Default") is { } d && p.Value.Get("AllowedValues") is { } allowed && !allowed.Scalars().Contains(d))
            .Select(p => p.Key)
            .ToList();

        Assert.Empty(bad);
    }

    /// <summary>First-column names of the table under "## Template parameters" in docs/AWS.md.</summary>
    private static List<string> DocumentedParameters()
    {
        var doc = RepositoryFiles.Read("docs/AWS.md");
        var start = doc.IndexOf("\n## Template parameters", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/AWS.md has no '## Template parameters' section");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return [.. doc[start..(end < 0 ? doc.Length : end)].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l[3..l.IndexOf('`', 3)])];
    }
}
