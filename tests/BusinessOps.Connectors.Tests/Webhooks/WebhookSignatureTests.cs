using System.Globalization;
using System.Text;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Connectors.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace BusinessOps.Connectors.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private const string Id = "acme/ops#7/a1/execute/e1";
    private const string Body = "{\"type\":\"payment.instruction\",\"data\":{\"amount\":6000.00,\"vendor\":\"Zoë & Co\"}}";

    [Fact]
    public void Sign_MatchesTheStandardWebhooksPackage()
    {
        var key = WebhookSigner.ParseSecret(WebhookReceiver.Secret)!;
        var at = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);

        var ours = WebhookSigner.Sign(key, Id, at.ToUnixTimeSeconds(), Encoding.UTF8.GetBytes(Body));
        var theirs = new StandardWebhook(WebhookReceiver.Secret).Sign(Id, at, Body);

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public async Task Sign_AcceptedByTheReferenceVerifier_AndATamperedBodyIsNot()
    {
        var key = WebhookSigner.ParseSecret(WebhookReceiver.Secret)!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = Id,
            ["webhook-timestamp"] = now.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSigner.Sign(key, Id, now, Encoding.UTF8.GetBytes(Body)),
        };

        var valid = await NodeVerifier.VerifyAsync(WebhookReceiver.Secret, Body, headers);
        var tampered = await NodeVerifier.VerifyAsync(WebhookReceiver.Secret, Body.Replace("6000.00", "9000.00", StringComparison.Ordinal), headers);

        Assert.Equal("ok", valid);
        Assert.StartsWith("invalid", tampered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_OldTimestamp_RejectedByTheReferenceVerifiersReplayWindow()
    {
        var key = WebhookSigner.ParseSecret(WebhookReceiver.Secret)!;
        var old = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();
        var headers = new Dictionary<string, string>
        {
            ["webhook-id"] = Id,
            ["webhook-timestamp"] = old.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSigner.Sign(key, Id, old, Encoding.UTF8.GetBytes(Body)),
        };

        var result = await NodeVerifier.VerifyAsync(WebhookReceiver.Secret, Body, headers);

        Assert.StartsWith("invalid", result, StringComparison.Ordinal);
        Assert.Contains("too old", result, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Verify_PackageVerifierAcceptsOurHeaders()
    {
        var key = WebhookSigner.ParseSecret(WebhookReceiver.Secret)!;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = Id,
            ["webhook-timestamp"] = now.ToString(CultureInfo.InvariantCulture),
            ["webhook-signature"] = WebhookSigner.Sign(key, Id, now, Encoding.UTF8.GetBytes(Body)),
        };

        new StandardWebhook(WebhookReceiver.Secret).Verify(Body, headers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AAAA")]
    public void ParseSecret_NotAWhsecSecretOfUsefulLength_Null(string? secret) => Assert.Null(WebhookSigner.ParseSecret(secret));
}
