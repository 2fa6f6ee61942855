using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Store;

namespace Federation.Subgraphs.Population.Tests.Store;

public sealed class DivisionRangeTests
{
    [Theory]
    [InlineData("330000", "330000", "339999")]
    [InlineData("330200", "330200", "330299")]
    [InlineData("330212", "330212", "330212")]
    public void A_division_covers_itself_and_every_division_below_it(string division, string lowest, string highest)
    {
        Assert.Equal(new DivisionRange(lowest, highest), DivisionRange.Of(DivisionCode.Parse(division)));
    }

    [Theory]
    [InlineData("330200", "330212", true)]
    [InlineData("330200", "330200", true)]
    [InlineData("330200", "330102", false)]
    [InlineData("330000", "330102", true)]
    [InlineData("330000", "320102", false)]
    [InlineData("330212", "330212", true)]
    [InlineData("330212", "330213", false)]
    public void Covering_a_code_agrees_with_the_range(string division, string code, bool covered)
    {
        var range = DivisionRange.Of(DivisionCode.Parse(division));

        Assert.Equal(covered, DivisionRange.Covers(DivisionCode.Parse(division), code));
        Assert.Equal(covered, string.CompareOrdinal(code, range.Lowest) >= 0 && string.CompareOrdinal(code, range.Highest) <= 0);
    }
}
