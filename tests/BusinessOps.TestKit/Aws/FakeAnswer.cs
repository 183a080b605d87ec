using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BusinessOps.TestKit.Aws;

/// <summary>A fake AWS response in the service's error style: code in x-amzn-ErrorType, message in the JSON body.</summary>
internal sealed record FakeAnswer(int Status, string? ContentType, string Body, string? ErrorType, string? RetryAfter)
{
    public string? RequestId { get; init; }

    public string? Message { get; init; }

    public static FakeAnswer Error(int status, string code, string message, string? retryAfter = null) =>
        new(status, "application/json", string.Empty, code, retryAfter) { Message = message };

    public static FakeAnswer Json(int status, JsonObject body) => new(status, "application/json", body.ToJsonString(), null, null);

    public async Task WriteAsync(HttpContext context, string service)
    {
        context.Response.StatusCode = Status;
        context.Response.Headers["x-amzn-RequestId"] = RequestId ?? Guid.NewGuid().ToString();
        if (RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = RetryAfter;
        }

        var text = Body;
        if (ErrorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = ErrorType + ":http://internal.amazon.com/coral/com.amazonaws." + service + "/";
            text = service == "lambda"
                ? new JsonObject { ["Type"] = Status >= 500 ? "Service" : "User", [nameof(Message)] = Message }.ToJsonString()
                : new JsonObject { ["__type"] = ErrorType, ["message"] = Message }.ToJsonString();
        }

        if (ContentType is not null)
        {
            context.Response.ContentType = ContentType;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted);
    }
}
