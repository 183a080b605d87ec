namespace BusinessOps.Agents.Marketing;

/// <summary>One email of the campaign's sequence: its position (1-based), the day it goes out and its purpose.</summary>
internal sealed record CampaignSend(int Step, DateOnly SendOn, string Purpose);
