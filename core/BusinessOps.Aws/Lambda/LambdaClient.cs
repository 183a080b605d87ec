using BusinessOps.Aws.Http;
using BusinessOps.Aws.Signing;

namespace BusinessOps.Aws.Lambda;

/// <summary>The one Lambda operation we need: asynchronous <c>Invoke</c> (<c>X-Amz-Invocation-Type: Event</c> → 202).</summary>
public sealed class LambdaClient
{
    /// <summary>Lambda's limit for asynchronous invocation payloads: 256 KB.</summary>
    public const int MaxEventPayloadBytes = 256 * 1024;

    private readonly AwsConnection _connection;

    internal LambdaClient(AwsConnection connection) => _connection = connection;

    /// <summary>Queues one asynchronous invocation; returns AWS's request id. Throws <see cref="Errors.AwsException"/>.</summary>
    public async Task<string> InvokeEventAsync(string function, byte[] payload, CancellationToken cancellationToken)
    {
        var call = new AwsCall(
            "Invoke",
            "lambda:InvokeFunction",
            $"Lambda function '{function}'",
            HttpMethod.Post,
            $"/2015-03-31/functions/{UriEncoding.Encode(function)}/invocations",
            payload,
            Idempotent: false,
            [new("x-amz-invocation-type", "Event")]);
        var response = await _connection.SendAsync(call, cancellationToken);
        if (response.StatusCode != 202)
        {
            throw new Errors.AwsTransientException(
                $"AWS lambda Invoke of '{function}' answered HTTP {response.StatusCode} instead of 202 Accepted for an Event invocation.", null, response.StatusCode);
        }

        return response.RequestId ?? string.Empty;
    }

    /// <summary>
    /// The function's asynchronous-invocation settings (<c>GetFunctionEventInvokeConfig</c>), for <c>coordinator doctor</c>:
    /// where results and failures go, retries, the event age limit. Throws <see cref="Errors.AwsException"/>.
    /// </summary>
    public async Task<EventInvokeConfig> GetEventInvokeConfigAsync(string function, CancellationToken cancellationToken)
    {
        var call = new AwsCall(
            "GetFunctionEventInvokeConfig",
            "lambda:GetFunctionEventInvokeConfig",
            $"Lambda function '{function}'",
            HttpMethod.Get,
            $"/2019-09-25/functions/{UriEncoding.Encode(function)}/event-invoke-config",
            [],
            Idempotent: true);
        var response = await _connection.SendAsync(call, cancellationToken);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(response.Body, AwsJson.Default.EventInvokeConfig)
                ?? throw new Errors.AwsTransientException("AWS lambda GetFunctionEventInvokeConfig answered an empty body.", null, response.StatusCode);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Errors.AwsTransientException($"AWS lambda GetFunctionEventInvokeConfig answered a body that is not the expected JSON: {e.Message}", null, response.StatusCode, e);
        }
    }
}
