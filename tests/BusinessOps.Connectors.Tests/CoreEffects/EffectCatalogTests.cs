using BusinessOps.Connectors.Schemas;
using BusinessOps.Connectors.Tests.Support;
using BusinessOps.Core.Effects;
using BusinessOps.Core.Policies;
using BusinessOps.Core.Results;

namespace BusinessOps.Connectors.Tests.CoreEffects;

public sealed class EffectCatalogTests
{
    [Fact]
    public void MinimumLevel_LabelsOnly_L1()
    {
        Assert.Equal(AutonomyLevel.L1, EffectCatalog.MinimumLevel([Samples.Labels()], ConnectorsPolicy.Default));
    }

    [Fact]
    public void MinimumLevel_AnyFinancialOrCustomerFacingEffect_L2()
    {
        Assert.Equal(AutonomyLevel.L2, EffectCatalog.MinimumLevel([Samples.Labels(), Samples.Payment()], ConnectorsPolicy.Default));
        Assert.Equal(AutonomyLevel.L2, EffectCatalog.MinimumLevel([Samples.Email()], ConnectorsPolicy.Default));
    }

    [Fact]
    public void MinimumLevel_PolicyOverridesAKindsImpact()
    {
        var policy = ConnectorsPolicy.Default with { Impacts = new Dictionary<string, EffectImpact> { [EffectKinds.GitHubLabels] = EffectImpact.CustomerFacing } };

        Assert.Equal(AutonomyLevel.L2, EffectCatalog.MinimumLevel([Samples.Labels()], policy));
    }

    [Fact]
    public void MinimumLevel_UnknownKind_NeverLowersTheBar()
    {
        var typo = Samples.Labels() with { Kind = "github.lables" };

        Assert.Equal(AutonomyLevel.L2, EffectCatalog.MinimumLevel([typo], ConnectorsPolicy.Default));
    }

    [Fact]
    public void Payment_IsFinancialExternalAndIrreversible()
    {
        Assert.True(EffectCatalog.TryGet(EffectKinds.WebhookPayment, out var kind));
        Assert.Equal(EffectImpact.Financial | EffectImpact.External | EffectImpact.Irreversible, kind.Impact);
    }

    [Fact]
    public void EveryKind_HasAnEmbeddedSchemaAndADescription()
    {
        Assert.All(EffectCatalog.All, k =>
        {
            Assert.NotNull(EffectSchemas.Text(k.Name));
            Assert.StartsWith(k.Connector + ".", k.Name, StringComparison.Ordinal);
            Assert.Contains(k.Connector, ConnectorNames.All);
        });
    }
}
