using BusinessOps.Core.Governance;
using BusinessOps.Core.Ports;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class WordingTests
{
    [Theory]
    [InlineData("12000", "$12,000")]
    [InlineData("12000.5", "$12,000.50")]
    [InlineData("0", "$0")]
    [InlineData("999.99", "$999.99")]
    [InlineData("-3", "-$3")]
    public void Usd_Amounts_Formatted(string amount, string expected)
    {
        Assert.Equal(expected, Wording.Usd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("cfo", "CFO")]
    [InlineData("ceo", "CEO")]
    [InlineData("board", "Board")]
    [InlineData("finance-manager", "Finance manager")]
    [InlineData("head-of-customer-success", "Head of customer success")]
    [InlineData("vp-sales", "VP sales")]
    [InlineData("", "")]
    public void Role_Names_Humanized(string role, string expected)
    {
        Assert.Equal(expected, Wording.Role(role));
    }

    [Theory]
    [InlineData(RepositoryPermission.Read, "read")]
    [InlineData(RepositoryPermission.Write, "write")]
    [InlineData(RepositoryPermission.Admin, "admin")]
    [InlineData(RepositoryPermission.None, "no")]
    public void Permission_Levels_GitHubWords(RepositoryPermission level, string expected)
    {
        Assert.Equal(expected, Wording.Permission(level));
    }
}
