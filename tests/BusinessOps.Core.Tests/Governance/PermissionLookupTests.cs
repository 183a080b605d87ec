using BusinessOps.Core.Governance;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class PermissionLookupTests
{
    [Fact]
    public void TryGet_CaseSensitiveMapDifferentCase_Found()
    {
        var map = new Dictionary<string, RepositoryPermission>(StringComparer.Ordinal) { ["Carla"] = RepositoryPermission.Admin };

        Assert.True(PermissionLookup.TryGet(map, "carla", out var level));
        Assert.Equal(RepositoryPermission.Admin, level);
    }

    [Fact]
    public void TryGet_Missing_FalseAndNone()
    {
        Assert.False(PermissionLookup.TryGet(Gov.Permissions(("carla", RepositoryPermission.Write)), "bob", out var level));
        Assert.Equal(RepositoryPermission.None, level);
    }
}
