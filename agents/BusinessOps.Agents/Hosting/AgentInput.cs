using System.Runtime.InteropServices;
using System.Text.Json;
using BusinessOps.Agents.Sdk.Forms;
using BusinessOps.Core.Agents;
using BusinessOps.Core.Issues;

namespace BusinessOps.Agents.Hosting;

/// <summary>
/// Reads what the coordinator hands an agent: the issue (<c>--issue-data</c>) and the context (<c>--context</c>), each from
/// a file or stdin. When both are <c>-</c>, stdin carries one envelope <c>{"issue": {…}, "context": {…}}</c> — how the
/// local executor passes them, so nothing is written to disk. Anything malformed is <see cref="BadInputException"/>.
/// </summary>
internal static class AgentInput
{
    /// <summary>Larger contexts are refused (5,000 digests take about 1 MB).</summary>
    public const int MaxContextBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static async Task<(IssueSnapshot? Issue, DispatchContext? Context)> ReadAsync(HostArguments args, Func<Stream> stdin, DateTimeOffset now, CancellationToken ct)
    {
        if (args.IssueData == "-" && args.Context == "-")
        {
            await using var input = stdin();
            var bytes = await IssueJsonReader.ReadBoundedAsync(input, IssueJsonReader.MaxBytes + MaxContextBytes, "The input envelope", ct);
            return ParseEnvelope(bytes, args.Issue, now);
        }

        IssueSnapshot? issue = null;
        if (args.IssueData is { } data)
        {
            issue = IssueJsonReader.Parse(await ReadAsync(data, stdin, IssueJsonReader.MaxBytes, "Issue data", ct), args.Issue, now);
        }

        DispatchContext? context = null;
        if (args.Context is { } source)
        {
            context = ParseContext(await ReadAsync(source, stdin, MaxContextBytes, "Context", ct));
        }

        return (issue, context);
    }

    /// <summary>The context in <paramref name="json"/>; invalid JSON or shape is bad input.</summary>
    public static DispatchContext ParseContext(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, AgentContextJson.Wire.DispatchContext) ?? throw new BadInputException("Context must be a JSON object, not null.");
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"Context is not a valid context document (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}", ex);
        }
    }

    /// <summary>The context in an already-parsed element (a Lambda event's <c>context</c>).</summary>
    public static DispatchContext ParseContext(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? ParseContext(JsonMarshal.GetRawUtf8Value(element)) // its own bytes: no reflection-based re-serialization (Native AOT)
            : throw new BadInputException("Context must be a JSON object.");

    private static (IssueSnapshot Issue, DispatchContext? Context) ParseEnvelope(byte[] bytes, int number, DateTimeOffset now)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, Options);
        }
        catch (JsonException ex)
        {
            throw new BadInputException($"The input envelope is not valid JSON (line {(ex.LineNumber ?? 0) + 1}): expected {{\"issue\": {{…}}, \"context\": {{…}}}}.", ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("issue", out var issue))
            {
                throw new BadInputException("The input envelope must be {\"issue\": {…}, \"context\": {…}} (with --issue-data - and --context -).");
            }

            var context = root.TryGetProperty("context", out var c) && c.ValueKind != JsonValueKind.Null ? ParseContext(c) : null;
            return (IssueJsonReader.Parse(issue, number, now), context);
        }
    }

    private static async Task<byte[]> ReadAsync(string source, Func<Stream> stdin, int max, string what, CancellationToken ct)
    {
        try
        {
            await using var stream = source == "-" ? stdin() : File.OpenRead(source);
            return await IssueJsonReader.ReadBoundedAsync(stream, max, what, ct);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException($"{what} file '{source}' does not exist.", ex);
        }
    }
}
