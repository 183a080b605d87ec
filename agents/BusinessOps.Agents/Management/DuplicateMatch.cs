namespace BusinessOps.Agents.Management;

/// <summary>An open issue whose title is close to the request's (<see cref="Similarity"/> 0..1).</summary>
internal sealed record DuplicateMatch(int Number, string Title, double Similarity);
