using System.Xml;
using BusinessOps.Agents.Inputs;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>
/// Visual Studio TRX (<c>dotnet test --logger trx</c>): each top-level <c>UnitTestResult</c> under <c>Results</c> is one
/// execution (a test re-run by a retry appears again under the same <c>testName</c>); data rows nested in a result
/// are part of it. Outcomes map to passed (Passed, PassedButRunAborted, Completed, Warning), failure (Failed, Timeout,
/// Aborted), error (Error) and skipped (the rest: NotExecuted, Inconclusive, NotRunnable, Pending, …).
/// </summary>
internal static class TrxParser
{
    public static IReadOnlyList<TestExecution> Executions(string xml, string field)
    {
        var executions = new List<TestExecution>();
        try
        {
            using var reader = SafeXml.Create(xml);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "TestRun")
            {
                throw new BadInputException($"Field `{field}` is invalid: expected TRX XML with a <TestRun> root.");
            }

            var parents = new List<string>();
            if (!reader.IsEmptyElement)
            {
                parents.Add(reader.LocalName);
            }

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (parents.Count > 0)
                    {
                        parents.RemoveAt(parents.Count - 1);
                    }

                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName == "UnitTestResult" && parents.Count > 0 && parents[^1] == "Results" && !parents.Contains("InnerResults"))
                {
                    var name = reader.GetAttribute("testName");
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw new BadInputException($"Field `{field}` is invalid: a TRX <UnitTestResult> has no testName attribute.");
                    }

                    executions.Add(new TestExecution(name, Verdict(reader.GetAttribute("outcome"))));
                }

                if (!reader.IsEmptyElement)
                {
                    parents.Add(reader.LocalName);
                }
            }
        }
        catch (XmlException ex)
        {
            throw new BadInputException($"Field `{field}` is invalid: expected TRX XML ({ex.Message}).", ex);
        }

        return executions.Count > 0
            ? executions
            : throw new BadInputException($"Field `{field}` is invalid: expected TRX XML with at least one <UnitTestResult> under <Results>.");
    }

    private static TestVerdict Verdict(string? outcome) => outcome switch
    {
        "Passed" or "PassedButRunAborted" or "Completed" or "Warning" => TestVerdict.Passed,
        "Failed" or "Timeout" or "Aborted" => TestVerdict.Failure,
        "Error" => TestVerdict.Error,
        _ => TestVerdict.Skipped,
    };
}
