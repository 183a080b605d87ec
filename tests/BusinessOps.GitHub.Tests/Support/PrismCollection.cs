namespace BusinessOps.GitHub.Tests.Support;

/// <summary>One Prism process for every contract test class.</summary>
[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "prism";
}
