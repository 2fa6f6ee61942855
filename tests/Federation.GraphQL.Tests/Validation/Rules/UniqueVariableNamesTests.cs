using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Variable uniqueness.</summary>
public sealed class UniqueVariableNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueVariableNames];

    [Fact]
    public void Unique() => ExpectValid(
        """
            query A($x: Int, $y: String) { __typename } query B($x: String, $y: Int) { __typename }
            """);

    [Fact]
    public void Duplicates() => ExpectErrors(
        """
            query A($x: Int, $x: Int, $x: String) { __typename } query B($x: String, $x: Int) { __typename } query C($x: Int, $x: Int) { __typename }
            """,
        Error("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)),
        Error("There can be only one variable named \"$x\".", (1, 63), (1, 75)),
        Error("There can be only one variable named \"$x\".", (1, 107), (1, 116)));
}
