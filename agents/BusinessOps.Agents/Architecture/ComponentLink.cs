namespace BusinessOps.Agents.Architecture;

/// <summary>One arrow of the component diagram: <c>from -&gt; to: label</c> (label optional).</summary>
internal sealed record ComponentLink(string From, string To, string? Label);
