using System.Xml;
using BusinessOps.Agents.Sdk.Forms;

namespace BusinessOps.Agents.Quality;

/// <summary>Counts JUnit <c>testcase</c> elements and their <c>failure</c>, <c>error</c> and <c>skipped</c> children.</summary>
internal static class JUnitParser
{
    public static TestRunSummary Parse(string xml)
    {
        int total = 0, failures = 0, errors = 0, skipped = 0;
        var failed = new List<string>();
        try
        {
            using var reader = SafeXml.Create(xml);
            string? currentCase = null;
            var caseDepth = -1;
            var verdict = string.Empty;
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
                            throw new BadInputException($"Field `Test results` is invalid: expected JUnit XML with a <testsuites> or <testsuite> root, got <{reader.LocalName}>.");
                        }
                    }

                    if (reader.LocalName == "testcase")
                    {
                        Close();
                        total++;
                        var cls = reader.GetAttribute("classname");
                        currentCase = (cls is null ? string.Empty : cls + ".") + (reader.GetAttribute("name") ?? "?");
                        caseDepth = reader.Depth;
                        verdict = string.Empty;
                        if (reader.IsEmptyElement)
                        {
                            Close();
                        }
                    }
                    else if (currentCase is not null && reader.Depth == caseDepth + 1 && reader.LocalName is "failure" or "error" or "skipped" && verdict.Length == 0)
                    {
                        verdict = reader.LocalName;
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

                switch (verdict)
                {
                    case "failure":
                        failures++;
                        failed.Add(currentCase);
                        break;
                    case "error":
                        errors++;
                        failed.Add(currentCase);
                        break;
                    case "skipped":
                        skipped++;
                        break;
                    default:
                        break;
                }

                currentCase = null;
                verdict = string.Empty;
            }
        }
        catch (XmlException ex)
        {
            throw new BadInputException($"Field `Test results` is invalid: expected JUnit XML ({ex.Message}).", ex);
        }

        if (total == 0)
        {
            throw new BadInputException("Field `Test results` is invalid: expected JUnit XML with at least one <testcase>.");
        }

        return new TestRunSummary(total, failures, errors, skipped, failed);
    }
}
