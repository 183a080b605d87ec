using BusinessOps.Core.Scrubbing;
using Xunit;

namespace BusinessOps.Core.Tests.Scrubbing;

public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("token ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 end", "token *** end")]
    [InlineData("gho_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", "***")]
    [InlineData("ghs_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5 and ghu_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5", "*** and ***")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "***")]
    [InlineData("key AKIAIOSFODNN7EXAMPLE!", "key ***!")]
    [InlineData("secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;", "secret=***;")]
    [InlineData("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjMifQ.c2lnbmF0dXJlLXZhbHVl", "jwt ***")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY----- after", "*** after")]
    [InlineData("{\"k\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQ\\n-----END PRIVATE KEY-----\"}", "{\"k\":\"***\"}")]
    public void Mask_CredentialShapes_Replaced(string text, string expected)
    {
        Assert.Equal(expected, new SecretMasker().Mask(text));
    }

    [Theory]
    [InlineData("commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 is fine")]
    [InlineData("local/ops#12/a1/plan dispatched to ai-qa-agent")]
    [InlineData("ThisIsAVeryLongCamelCaseIdentifierNameXY")]
    [InlineData("ghp_short")]
    public void Mask_OrdinaryText_Unchanged(string text)
    {
        Assert.Equal(text, new SecretMasker().Mask(text));
    }

    [Fact]
    public void AddFromEnvironment_SecretVariables_ValuesAndTheirJsonFormsMasked()
    {
        var masker = new SecretMasker();
        masker.AddFromEnvironment(new Dictionary<string, string?>
        {
            ["GITHUB_TOKEN"] = "plain-token-value-1234",
            ["AWS_SECRET_ACCESS_KEY"] = "abc+def/ghi=jkl-1234567",
            ["BUSINESSOPS_WEBHOOK_SECRET"] = "hook-secret-value",
            ["GITHUB_REPOSITORY"] = "acme/operations-repository",
            ["SHORT_TOKEN"] = "abc",
        });

        Assert.Equal("t=*** r=acme/operations-repository", masker.Mask("t=plain-token-value-1234 r=acme/operations-repository"));
        Assert.Equal("***", masker.Mask("abc\\u002Bdef/ghi=jkl-1234567"));
        Assert.Equal("***", masker.Mask("hook-secret-value"));
        Assert.Equal("abc", masker.Mask("abc"));
    }

    [Fact]
    public void Add_MultiLineSecret_EachLongLineMaskedOnItsOwn()
    {
        var masker = new SecretMasker();
        masker.Add("line-one-of-a-key-0123456789\nline-two-of-a-key-9876543210");

        Assert.Equal("leaked *** only", masker.Mask("leaked line-two-of-a-key-9876543210 only"));
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_TOKEN", true)]
    [InlineData("GITHUB_APP_PRIVATE_KEY", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("AWS_SESSION_TOKEN", true)]
    [InlineData("SMTP_PASSWORD", true)]
    [InlineData("ACTIONS_ID_TOKEN_REQUEST_URL", false)]
    [InlineData("AWS_WEB_IDENTITY_TOKEN_FILE", false)]
    [InlineData("GITHUB_REPOSITORY", false)]
    public void IsSecretVariable_Names(string name, bool expected)
    {
        Assert.Equal(expected, SecretMasker.IsSecretVariable(name));
    }
}
