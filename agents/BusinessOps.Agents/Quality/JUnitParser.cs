using System.Xml;
using BusinessOps.Agents.Inputs;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>
/// JUnit XML: each <c>testcase</c> with its <c>failure</c>, <c>error</c> or <c>skipped</c> child. Surefire's rerun
/// records count as earlier executions: <c>flakyFailure</c>/<c>flakyError</c> (failed, then passed) and
/// <c>rerunFailure</c>/<c>rerunError</c> (failed again).
/// </summary>
internal static class JUnitParser
{
    public static TestRunSummary Parse(string xml) => TestRunSummary.Of(Executions(xml, TestReports.Field));

    public static IReadOnlyList<TestExecution> Executions(string xml, string field)
    {
        var executions = new List<TestExecution>();
        try
        {
            using var reader = SafeXml.Create(xml);
            string? currentCase = null;
            var caseDepth = -1;
            var verdict = TestVerdict.Passed;
            var reruns = 0;
            var sawRoot = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (!sawRoot)
                    {
                        sawRoot = true;
                        if (reader.LocalName is not ("testsuites" or "testsuite"))
                        {
                            throw new BadInputException($"Field `{field}` is invalid: expected JUnit XML with a <testsuites> or <testsuite> root, or TRX with a <TestRun> root, got <{reader.LocalName}>.");
                        }
                    }

                    if (reader.LocalName == "testcase")
                    {
                        Close();
                        var cls = reader.GetAttribute("classname");
                        currentCase = (cls is null ? string.Empty : cls + ".") + (reader.GetAttribute("name") ?? "?");
                        caseDepth = reader.Depth;
                        if (reader.IsEmptyElement)
                        {
                            Close();
                        }
                    }
                    else if (currentCase is not null && reader.Depth == caseDepth + 1)
                    {
                        switch (reader.LocalName)
                        {
                            case "failure" when verdict == TestVerdict.Passed:
                                verdict = TestVerdict.Failure;
                                break;
                            case "error" when verdict == TestVerdict.Passed:
                                verdict = TestVerdict.Error;
                                break;
                            case "skipped" when verdict == TestVerdict.Passed:
                                verdict = TestVerdict.Skipped;
                                break;
                            case "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError":
                                reruns++;
                                break;
                            default:
                                break;
                        }
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "testcase" && reader.Depth == caseDepth)
                {
                    Close();
                }
            }

            Close();

            void Close()
            {
                if (currentCase is null)
                {
                    return;
                }

                // Reruns failed before the recorded verdict (surefire writes the first failure as the verdict when all failed).
                for (var i = 0; i < reruns; i++)
                {
                    executions.Add(new TestExecution(currentCase, TestVerdict.Failure));
                }

                executions.Add(new TestExecution(currentCase, verdict));
                currentCase = null;
                verdict = TestVerdict.Passed;
                reruns = 0;
            }
        }
        catch (XmlException ex)
        {
            throw new BadInputException($"Field `{field}` is invalid: expected JUnit or TRX XML ({ex.Message}).", ex);
        }

        return executions.Count > 0
            ? executions
            : throw new BadInputException($"Field `{field}` is invalid: expected JUnit XML with at least one <testcase>.");
    }
}
