using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BusinessOps.GitHub.Auth;

/// <summary>
/// The RS256 JSON Web Token a GitHub App signs to ask for an installation token: issued 60 s in the past
/// (clock drift, as GitHub recommends), expiring after 9 minutes (GitHub's maximum is 10), issuer = app id.
/// </summary>
public static class GitHubAppJwt
{
    public static string Create(long appId, string privateKeyPem, DateTimeOffset now)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privateKeyPem);
        }
        catch (ArgumentException ex)
        {
            // The PEM text is a secret: say what is wrong without echoing it.
            throw new ArgumentException("The GitHub App private key is not a valid PEM RSA key (expected '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----').", ex);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("The GitHub App private key could not be read as an RSA key.", ex);
        }

        var iat = now.AddSeconds(-60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var exp = now.AddMinutes(9).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var header = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}"u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"iat\":" + iat + ",\"exp\":" + exp + ",\"iss\":\"" + appId.ToString(CultureInfo.InvariantCulture) + "\"}"));
        var signingInput = header + "." + payload;
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
