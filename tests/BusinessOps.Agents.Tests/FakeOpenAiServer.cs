using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BusinessOps.Agents.Tests;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 (Kestrel): answers <see cref="Reply"/> with fixed token
/// usage, or fails with <see cref="FailWith"/>, or never answers when <see cref="Hang"/> is set. Records what it was asked.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncLifetime
{
    private WebApplication? _app;
    private int _requests;

    public string Reply { get; set; } = "Thanks for reaching out! Here is how to get your refund.";

    public int? FailWith { get; set; }

    public bool Hang { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public string LastBody { get; private set; } = string.Empty;

    public string LastAuthorization { get; private set; } = string.Empty;

    /// <summary>The base URL as <c>OPENAI_BASE_URL</c> would hold it.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v1/chat/completions", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(ctx.Request.Body);
            LastBody = await reader.ReadToEndAsync(ctx.RequestAborted);
            LastAuthorization = ctx.Request.Headers.Authorization.ToString();
            if (Hang)
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            if (FailWith is { } status)
            {
                ctx.Response.StatusCode = status;
                await ctx.Response.WriteAsync("""{"error":{"message":"boom","type":"server_error"}}""");
                return;
            }

            ctx.Response.ContentType = "application/json";
            var content = System.Text.Json.JsonSerializer.Serialize(Reply);
            await ctx.Response.WriteAsync($$$"""
                {"id":"chatcmpl-1","object":"chat.completion","created":1764400000,"model":"fake-model",
                 "choices":[{"index":0,"message":{"role":"assistant","content":{{{content}}}},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500}}
                """);
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/v1";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
