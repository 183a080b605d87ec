namespace BusinessOps.Aws.Secrets;

// The request and response shapes of Secrets Manager's GetSecretValue (AWS JSON 1.1, X-Amz-Target
// secretsmanager.GetSecretValue). Member names are PascalCase on the wire; only the fields we send or read are modelled.

/// <summary>GetSecretValue of the current version (AWSCURRENT).</summary>
public sealed record GetSecretValueRequest(string SecretId);

/// <summary>GetSecretValue's answer; <see cref="SecretString"/> is absent for a binary secret.</summary>
public sealed record GetSecretValueResponse(string? ARN, string? SecretString);
