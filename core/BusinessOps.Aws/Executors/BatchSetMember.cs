using BusinessOps.Core.Ports;

namespace BusinessOps.Aws.Executors;

/// <summary>
/// One issue of a set: its dispatch and the line the job's entrypoint reads for it — issue number, idempotency key, phase
/// and the issue JSON, tab-separated (JSON escapes tabs and line breaks inside strings, so neither occurs in the JSON text).
/// </summary>
internal sealed record BatchSetMember(DispatchRequest Request, string Line);
