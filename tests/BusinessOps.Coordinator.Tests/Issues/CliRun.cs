using System.Text.Json;

namespace BusinessOps.Coordinator.Tests.Issues;

/// <summary>One captured invocation: exit code, stdout, stderr.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
