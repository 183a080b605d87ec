using BusinessOps.Core.Agents.Rules;

namespace BusinessOps.Agents.Marketing;

/// <summary>
/// Pure campaign planning by <c>marketing.yml</c>: the chosen channels share the budget in proportion to their policy
/// shares; each posts every <see cref="MarketingChannel.EveryDays"/> days from the start date to the end date
/// (inclusive). The email channel follows the policy's email sequence instead: one send per step whose day falls in
/// the window.
/// </summary>
internal static class CampaignPlanner
{
    public const string EmailChannel = "email";

    public static IReadOnlyList<ChannelPlan> Calendar(CampaignInput input, MarketingRules rules)
    {
        var chosen = rules.Channels.Where(c => input.Channels.Contains(c.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var totalShare = chosen.Sum(c => c.BudgetShare);
        var sends = Sends(input, rules);
        return [.. chosen.Select(c =>
        {
            var share = totalShare <= 0 ? 1.0 / chosen.Count : c.BudgetShare / totalShare;
            var dates = c.Name == EmailChannel ? sends.Select(s => s.SendOn).ToList() : Every(input.Start, input.End, Math.Max(1, c.EveryDays));
            return new ChannelPlan(c.Name, Math.Round(share, 4), decimal.Round(input.BudgetUsd * (decimal)share, 2, MidpointRounding.AwayFromZero), c.Format, dates);
        })];
    }

    /// <summary>The email sequence's steps that fall inside the campaign, dated; none when email is not a chosen channel.</summary>
    public static IReadOnlyList<CampaignSend> Sends(CampaignInput input, MarketingRules rules)
    {
        if (!input.Channels.Contains(EmailChannel, StringComparer.OrdinalIgnoreCase))
        {
            return [];
        }

        var days = input.End.DayNumber - input.Start.DayNumber;
        return [.. rules.EmailSequence.Where(s => s.Day >= 0 && s.Day <= days).OrderBy(s => s.Day)
            .Select((s, i) => new CampaignSend(i + 1, input.Start.AddDays(s.Day), s.Action))];
    }

    private static List<DateOnly> Every(DateOnly start, DateOnly end, int everyDays)
    {
        var dates = new List<DateOnly>();
        for (var d = start; d <= end; d = d.AddDays(everyDays))
        {
            dates.Add(d);
        }

        return dates;
    }
}
