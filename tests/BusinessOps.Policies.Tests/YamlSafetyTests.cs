namespace BusinessOps.Policies.Tests;

public sealed class YamlSafetyTests
{
    [Fact]
    public void Load_Alias_Rejected()
    {
        var text = "rules:\n  - &r {match: dev/qa, agent: qa}\n  - *r\n";

        Assert.Equal(
            "routing.yml:2:5: YAML anchors (&r) are not allowed in policy files; write each value out in full",
            Load.SingleError(Load.One("routing.yml", text)));
    }

    [Fact]
    public void Load_BillionLaughs_RejectedAtFirstAnchorWithoutExpanding()
    {
        var text = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            """;

        Assert.Equal(
            "sla.yml:1:4: YAML anchors (&a) are not allowed in policy files; write each value out in full",
            Load.SingleError(Load.One("sla.yml", text)));
    }

    [Fact]
    public void Load_BareAlias_Rejected()
    {
        Assert.Equal(
            "quality-gates.yml:1:18: YAML aliases (*x) are not allowed in policy files; write the value out in full",
            Load.SingleError(Load.One("quality-gates.yml", "minLineCoverage: *x\n")));
    }

    [Fact]
    public void Load_FileOverOneMegabyte_Rejected()
    {
        var text = "minLineCoverage: 0.8\n" + new string('#', PolicyLoader.MaxFileBytes);

        Assert.Equal(
            "quality-gates.yml:1:1: file is larger than 1 MB; policy files are a few kilobytes, so this is not a policy file",
            Load.SingleError(Load.One("quality-gates.yml", text)));
    }

    [Fact]
    public void Load_FileOverOneMegabyteOnDisk_RejectedBeforeReading()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "sla.yml"), new string('#', PolicyLoader.MaxFileBytes + 1));

        var result = PolicyLoader.Load(dir.Path);

        Assert.Equal("sla.yml:1:1: file is 1024 KB, larger than the 1 MB limit; policy files are a few kilobytes", Load.SingleError(result));
    }

    [Fact]
    public void Load_DeepNesting_Rejected()
    {
        var text = "minLineCoverage: " + new string('[', 40) + new string(']', 40) + "\n";

        Assert.Equal(
            "quality-gates.yml:1:33: nesting deeper than 16 levels; policy files need far fewer",
            Load.SingleError(Load.One("quality-gates.yml", text)));
    }

    [Fact]
    public void Load_TabIndentation_ReportsSyntaxErrorWithPosition()
    {
        var error = Load.SingleError(Load.One("sla.yml", "priorities:\n\tP0: {target: 1h}\n"));

        Assert.Equal("sla.yml:2:1: a tab is used for indentation; YAML indents with spaces only", error);
    }

    [Fact]
    public void Load_UnclosedFlowMapping_ReportsSyntaxErrorWithPosition()
    {
        var error = Load.SingleError(Load.One("dispatch.yml", "local: {concurrency: 2\nretry: {}\n"));

        Assert.Equal("dispatch.yml:1:9: invalid YAML after this point; check for an unclosed '{', '[' or quote", error);
    }

    [Fact]
    public void Load_TwoDocuments_Rejected()
    {
        Assert.Equal(
            "quality-gates.yml:2:1: a policy file holds one YAML document; remove the second '---' and what follows, or move it to its own file",
            Load.SingleError(Load.One("quality-gates.yml", "minPassRate: 0.9\n---\nminPassRate: 0.8\n")));
    }

    [Fact]
    public void Load_EmptyFile_ReportsEmpty()
    {
        Assert.Equal(
            "routing.yml:1:1: the file is empty; expected a mapping of settings (see the shipped file for an example)",
            Load.SingleError(Load.One("routing.yml", "# only a comment\n")));
    }

    [Fact]
    public void Load_Tag_Rejected()
    {
        Assert.Equal(
            "quality-gates.yml:1:18: YAML tags (!!binary) are not allowed in policy files; remove the tag",
            Load.SingleError(Load.One("quality-gates.yml", "minLineCoverage: !!binary aGVsbG8=\n")));
    }

    [Fact]
    public void Load_DuplicateKey_ReportsSecond()
    {
        Assert.Equal(
            "quality-gates.yml:2:1: duplicate key 'minPassRate'; it is already set on line 1",
            Load.SingleError(Load.One("quality-gates.yml", "minPassRate: 0.9\nminPassRate: 0.8\n")));
    }

    [Fact]
    public void Load_TopLevelList_ReportsMappingExpected()
    {
        Assert.Equal(
            "quality-gates.yml:1:1: the file must be a mapping (key: value lines) with keys minLineCoverage, minPassRate, minSecurityScore, minPerformanceScore, maxRegression; found a list",
            Load.SingleError(Load.One("quality-gates.yml", "- 0.8\n")));
    }

    [Fact]
    public void Load_BinaryGarbage_ReportsErrorNotCrash()
    {
        var text = "\u0000\u0001\u0002\uFFFEabc: [\u0007";

        var result = Load.One("sla.yml", text);

        Assert.Null(result.Policies);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal("sla.yml", e.File));
    }

    [Fact]
    public void Load_SyntaxError_ReportsParserMessageAtPosition()
    {
        var error = Load.SingleError(Load.One("sla.yml", "atRisk: 0.5\npriorities: 'P0\n"));

        Assert.StartsWith("sla.yml:", error);
        Assert.Contains(": invalid YAML: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TabInsideValue_IsNotAnIndentError()
    {
        var result = Load.One("routing.yml", "rules:\n  - match: dev/qa\n    agent: qa\n    description: \"a\tb\"\n");

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal("a\tb", Assert.Single(result.Policies.Routing.Rules).Description);
    }

    [Fact]
    public void Load_FileWithUtf8Bom_ReadsNormally()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "quality-gates.yml"), "minPassRate: 0.9\n", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = PolicyLoader.Load(dir.Path);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(0.9, result.Policies.QualityGates.MinPassRate, 10);
    }

    [Fact]
    public void Load_SymlinkToEndlessDevice_RejectedWithoutReadingItAll()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        using var dir = new TempDirectory();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "sla.yml"), "/dev/zero");

        var result = PolicyLoader.Load(dir.Path);

        Assert.Equal("sla.yml:1:1: file is larger than the 1 MB limit; policy files are a few kilobytes", Load.SingleError(result));
    }
}
