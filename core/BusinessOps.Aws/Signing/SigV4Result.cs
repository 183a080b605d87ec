namespace BusinessOps.Aws.Signing;

/// <summary>The intermediate strings and the final header of one signature (intermediates are kept for tests and diagnostics).</summary>
public sealed record SigV4Result(string CanonicalRequest, string StringToSign, string SignedHeaders, string Signature, string Authorization);
