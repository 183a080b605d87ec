namespace BusinessOps.Core.Agents.Rules;

/// <summary>A payment retry on <see cref="Day"/> after the failure, and the message sent to the customer that day (Scriban: <c>{{ customer }}</c>, <c>{{ amount }}</c>, <c>{{ day }}</c>).</summary>
public sealed record RetryStep(int Day, string Message);
