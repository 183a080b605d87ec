using BusinessOps.Aws.Signing;

namespace BusinessOps.Aws.Tests.Signing;

public sealed class SigV4SignerTests
{
    public static TheoryData<string> VectorNames => [.. SigV4SuiteVectors.All.Keys];

    public static TheoryData<string> CanonicalNames => [.. SigV4SuiteVectors.CanonicalRequests.Keys];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Sign_PublishedSuiteVector_MatchesExpectedAuthorization(string name)
    {
        var (request, signedHeaders, signature) = SigV4SuiteVectors.All[name];

        var result = Sign(request);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders={signedHeaders}, Signature={signature}",
            result.Authorization);
    }

    [Theory]
    [MemberData(nameof(CanonicalNames))]
    public void Sign_PublishedSuiteVector_BuildsTheSuitesCanonicalRequest(string name)
    {
        var result = Sign(SigV4SuiteVectors.All[name].Request);

        Assert.Equal(SigV4SuiteVectors.CanonicalRequests[name], result.CanonicalRequest);
    }

    [Fact]
    public void Sign_GetVanilla_BuildsTheSuitesStringToSign()
    {
        var result = Sign(SigV4SuiteVectors.All["get-vanilla"].Request);

        Assert.Equal(SigV4SuiteVectors.GetVanillaStringToSign, result.StringToSign);
    }

    [Fact]
    public void Sign_WrongSecret_ChangesTheSignature()
    {
        var request = SigV4SuiteVectors.All["get-vanilla"].Request;

        var result = SigV4Signer.Sign(request, SigV4SuiteVectors.AccessKey, "not-the-secret", SigV4SuiteVectors.Region, SigV4SuiteVectors.Service, SigV4SuiteVectors.SigningDate);

        Assert.NotEqual(SigV4SuiteVectors.All["get-vanilla"].Signature, result.Signature);
    }

    [Fact]
    public void AddSigningHeaders_TemporaryCredentials_AddsDateTokenAndOptionalContentHash()
    {
        var headers = SigV4Signer.AddSigningHeaders([], "example.amazonaws.com", SigV4SuiteVectors.SigningDate, "TOKEN", "abc"u8, includeContentSha256: true);

        Assert.Contains(new KeyValuePair<string, string>("x-amz-date", "20150830T123600Z"), headers);
        Assert.Contains(new KeyValuePair<string, string>("x-amz-security-token", "TOKEN"), headers);
        Assert.Contains(new KeyValuePair<string, string>("x-amz-content-sha256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), headers);
    }

    [Fact]
    public void Sign_WirePathWithEscapedArnColon_EncodesItAgain()
    {
        // Lambda function ARNs travel as %3A on the wire; SigV4 (non-S3) encodes the wire path once more.
        var request = new SigV4Request("POST", "/2015-03-31/functions/arn%3Aaws%3Alambda/invocations", [], [new("host", "h"), new("x-amz-date", SigV4SuiteVectors.Date)], ReadOnlyMemory<byte>.Empty);

        var result = SigV4Signer.Sign(request, "k", "s", "us-east-1", "lambda", SigV4SuiteVectors.SigningDate);

        Assert.StartsWith("POST\n/2015-03-31/functions/arn%253Aaws%253Alambda/invocations\n", result.CanonicalRequest, StringComparison.Ordinal);
    }

    private static SigV4Result Sign(SigV4Request request) =>
        SigV4Signer.Sign(request, SigV4SuiteVectors.AccessKey, SigV4SuiteVectors.Secret, SigV4SuiteVectors.Region, SigV4SuiteVectors.Service, SigV4SuiteVectors.SigningDate);
}
