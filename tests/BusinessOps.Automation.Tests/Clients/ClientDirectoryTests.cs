using BusinessOps.Automation.Clients;

namespace BusinessOps.Automation.Tests.Clients;

public sealed class ClientDirectoryTests
{
    private static readonly ClientDirectory Directory = new([new ClientProfile("acme", "Acme Outdoor Co.") { Limits = new ClientLimits(40, 2) }, new ClientProfile("globex", "Globex")]);

    [Fact]
    public void ForLabels_OneClientLabel_ReturnsThatProfileOnly()
    {
        var lookup = Directory.ForLabels(["marketing/content", "client/acme"]);

        Assert.Equal(ClientLookupKind.Found, lookup.Kind);
        Assert.Equal("acme", lookup.Profile!.Id);
        Assert.Equal(40, lookup.Profile.Limits.DailySpendUsd);
    }

    [Fact]
    public void ForLabels_UnknownClient_SaysThereIsNoProfileAndWhatIsKnown()
    {
        var lookup = Directory.ForLabels(["client/initech"]);

        Assert.Equal(ClientLookupKind.Unknown, lookup.Kind);
        Assert.Null(lookup.Profile);
        Assert.Contains("no profile for client 'initech'", lookup.Message, StringComparison.Ordinal);
        Assert.Contains("known clients: acme, globex", lookup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForLabels_TwoClientLabels_RefusedAsAmbiguous()
    {
        var lookup = Directory.ForLabels(["client/acme", "client/globex"]);

        Assert.Equal(ClientLookupKind.Ambiguous, lookup.Kind);
        Assert.Null(lookup.Profile);
    }

    [Fact]
    public void ForLabels_NoClientLabel_IsTheBusinessesOwnWork() =>
        Assert.Equal(ClientLookupKind.NoClient, Directory.ForLabels(["analytics/reporting"]).Kind);
}
