using BusinessOps.Aws.Signing;

namespace BusinessOps.Aws.Tests.Signing;

/// <summary>
/// AWS's published SigV4 test suite (aws-sig-v4-test-suite; credentials AKIDEXAMPLE, 20150830T123600Z, us-east-1,
/// service "service"), as shipped in the AWS SDK for JavaScript's own signer tests:
/// <c>@aws-sdk/signature-v4/dist-*/suite.fixture.js</c> (request inputs and the expected Authorization headers).
/// The canonical requests asserted separately are the suite's <c>.creq</c> files. Expected values are copied, never computed.
/// </summary>
internal static class SigV4SuiteVectors
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "us-east-1";
    public const string Service = "service";
    public const string Date = "20150830T123600Z";
    public static readonly DateTimeOffset SigningDate = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private const string Unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string StsToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    /// <summary>name → (request, expected SignedHeaders, expected signature).</summary>
    public static IReadOnlyDictionary<string, (SigV4Request Request, string SignedHeaders, string Signature)> All { get; } =
        new Dictionary<string, (SigV4Request, string, string)>(StringComparer.Ordinal)
        {
            ["get-header-key-duplicate"] = (Get("/", [], [new("My-Header1", "value2"), new("My-Header1", "value2"), new("My-Header1", "value1")]), "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
            ["get-header-value-multiline"] = (Get("/", [], [new("My-Header1", "value1,value2,value3")]), "host;my-header1;x-amz-date", "ba17b383a53190154eb5fa66a1b836cc297cc0a3d70a5d00705980573d8ff790"),
            ["get-header-value-order"] = (Get("/", [], [new("My-Header1", "value4"), new("My-Header1", "value1"), new("My-Header1", "value3"), new("My-Header1", "value2")]), "host;my-header1;x-amz-date", "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
            ["get-header-value-trim"] = (Get("/", [], [new("My-Header1", " value1"), new("My-Header2", " \"a   b   c\"")]), "host;my-header1;my-header2;x-amz-date", "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
            ["get-unreserved"] = (Get("/" + Unreserved, [], []), "host;x-amz-date", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
            ["get-utf8"] = (Get("/\u1234", [], []), "host;x-amz-date", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
            ["get-vanilla"] = (Get("/", [], []), "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            ["get-vanilla-empty-query-key"] = (Get("/", [new("Param1", "value1")], []), "host;x-amz-date", "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
            ["get-vanilla-query"] = (Get("/", [], []), "host;x-amz-date", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
            ["get-vanilla-query-order-key-case"] = (Get("/", [new("Param2", "value2"), new("Param1", "value1")], []), "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
            ["get-vanilla-query-unreserved"] = (Get("/", [new(Unreserved, Unreserved)], []), "host;x-amz-date", "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
            ["get-vanilla-utf8-query"] = (Get("/", [new("\u1234", "bar")], []), "host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
            ["post-header-key-case"] = (Post([], [], string.Empty), "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
            ["post-header-key-sort"] = (Post([], [new("My-Header1", "value1")], string.Empty), "host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
            ["post-header-value-case"] = (Post([], [new("My-Header1", "VALUE1")], string.Empty), "host;my-header1;x-amz-date", "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
            ["post-sts-header-after"] = (Post([], [], string.Empty), "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
            ["post-sts-header-before"] = (Post([], [new("X-Amz-Security-Token", StsToken)], string.Empty), "host;x-amz-date;x-amz-security-token", "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
            ["post-vanilla"] = (Post([], [], string.Empty), "host;x-amz-date", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
            ["post-vanilla-empty-query-value"] = (Post([new("Param1", "value1")], [], string.Empty), "host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
            ["post-vanilla-query"] = (Post([new("Param1", "value1")], [], string.Empty), "host;x-amz-date", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
            ["post-vanilla-query-nonunreserved"] = (Post([new("@#$%^", string.Empty), new("+", "/,?><`\";:\\|][{}")], [], string.Empty), "host;x-amz-date", "66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e"),
            ["post-vanilla-query-space"] = (Post([new("p", string.Empty)], [], string.Empty), "host;x-amz-date", "e71688addb58a26418614085fb730ba3faa623b461c17f48f2fbdb9361b94a9b"),
            ["post-x-www-form-urlencoded"] = (Post([], [new("Content-Type", "application/x-www-form-urlencoded")], "Param1=value1"), "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
            ["post-x-www-form-urlencoded-parameters"] = (Post([], [new("Content-Type", "application/x-www-form-urlencoded; charset=utf8")], "Param1=value1"), "content-type;host;x-amz-date", "1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe"),
        };

    /// <summary>Canonical requests from the suite's <c>.creq</c> files.</summary>
    public static IReadOnlyDictionary<string, string> CanonicalRequests { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-vanilla"] = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-header-value-trim"] = "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-header-key-duplicate"] = "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-vanilla-query-order-key-case"] = "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-vanilla-query-unreserved"] = "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-vanilla-utf8-query"] = "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ["get-unreserved"] = "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    };

    /// <summary>String-to-sign from the suite's <c>.sts</c> file for get-vanilla.</summary>
    public const string GetVanillaStringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63";

    private static SigV4Request Get(string path, KeyValuePair<string, string>[] query, KeyValuePair<string, string>[] headers) =>
        new("GET", path, query, WithBase(headers), ReadOnlyMemory<byte>.Empty);

    private static SigV4Request Post(KeyValuePair<string, string>[] query, KeyValuePair<string, string>[] headers, string body) =>
        new("POST", "/", query, WithBase(headers), System.Text.Encoding.UTF8.GetBytes(body));

    private static List<KeyValuePair<string, string>> WithBase(KeyValuePair<string, string>[] headers) =>
        [new("Host", "example.amazonaws.com"), .. headers, new("X-Amz-Date", Date)];
}
