using System.Xml;
using BusinessOps.Agents.Inputs;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>
/// The QA form's test reports: <c>Test results</c> (the latest attempt) and optional <c>Earlier attempts</c> (one or more
/// reports, each in its own code fence, oldest first), each JUnit or TRX (told apart by the root element). A test that
/// failed in one attempt and passed in another is flaky.
/// </summary>
internal static class TestReports
{
    public const string Field = "Test results";
    public const string EarlierField = "Earlier attempts";
    private const int MaxAttempts = 10;

    public static TestRunSummary Read(IssueForm form)
    {
        var latest = form.RequiredBlock(Field, "JUnit XML (<testsuites> or <testsuite> with <testcase> elements) or a TRX file (<TestRun>)");
        var earlier = Documents(form.Optional(EarlierField));
        if (earlier.Count > MaxAttempts)
        {
            throw IssueForm.Invalid(EarlierField, $"at most {MaxAttempts} earlier reports, each in its own code fence", earlier.Count + " reports");
        }

        return TestRunSummary.Of(earlier.SelectMany(d => Executions(d, EarlierField)).Concat(Executions(latest, Field)));
    }

    /// <summary>One report's executions, JUnit or TRX by its root element.</summary>
    public static IReadOnlyList<TestExecution> Executions(string xml, string field) =>
        IsTrx(xml) ? TrxParser.Executions(xml, field) : JUnitParser.Executions(xml, field);

    private static bool IsTrx(string xml)
    {
        try
        {
            using var reader = SafeXml.Create(xml);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "TestRun";
        }
        catch (XmlException)
        {
            // The parser that runs next reports the malformed XML with the field's name.
            return false;
        }
    }

    /// <summary>The code-fenced blocks of <paramref name="value"/>, or the whole value when it has no fence.</summary>
    private static List<string> Documents(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (!lines.Any(l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)))
        {
            return [value.Trim()];
        }

        var documents = new List<string>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    current = [];
                }
                else
                {
                    documents.Add(string.Join('\n', current));
                    current = null;
                }
            }
            else
            {
                current?.Add(line);
            }
        }

        return current is null ? documents : throw IssueForm.Invalid(EarlierField, "each earlier report in its own code fence (``` … ```)", "an unclosed code fence");
    }
}
