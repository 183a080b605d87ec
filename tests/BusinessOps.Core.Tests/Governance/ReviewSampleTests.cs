using System.Globalization;
using BusinessOps.Core.Governance;
using Xunit;

namespace BusinessOps.Core.Tests.Governance;

public sealed class ReviewSampleTests
{
    private static string Key(int i) => string.Create(CultureInfo.InvariantCulture, $"acme/ops#{i}/a1/execute");

    private static double Fraction(double rate)
    {
        var selected = 0;
        for (var i = 0; i < 10_000; i++)
        {
            if (ReviewSample.IsSelected(Key(i), rate))
            {
                selected++;
            }
        }

        return selected / 10_000.0;
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void IsSelected_TenThousandKeys_RespectsRateWithinTwoPoints(double rate)
    {
        Assert.InRange(Fraction(rate), rate - 0.02, rate + 0.02);
    }

    [Fact]
    public void IsSelected_RateZero_Never()
    {
        Assert.Equal(0.0, Fraction(0));
    }

    [Fact]
    public void IsSelected_RateOne_Always()
    {
        Assert.Equal(1.0, Fraction(1));
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(1.5, true)]
    public void IsSelected_OutOfRangeRate_Clamped(double rate, bool expected)
    {
        Assert.Equal(expected, ReviewSample.IsSelected("acme/ops#1", rate));
    }

    [Fact]
    public void IsSelected_SameKeyTwice_Agrees()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(ReviewSample.IsSelected(Key(i), 0.3), ReviewSample.IsSelected(new string(Key(i).AsSpan()), 0.3));
        }
    }

    [Fact]
    public void IsSelected_SelectedAtLowRate_SelectedAtHigherRate()
    {
        for (var i = 0; i < 1000; i++)
        {
            if (ReviewSample.IsSelected(Key(i), 0.05))
            {
                Assert.True(ReviewSample.IsSelected(Key(i), 0.5));
            }
        }
    }
}
