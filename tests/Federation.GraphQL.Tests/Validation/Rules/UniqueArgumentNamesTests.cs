using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Argument uniqueness.</summary>
public sealed class UniqueArgumentNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueArgumentNames];

    [Fact]
    public void Unique() => ExpectValid(
        """
            { field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value") }
            """);

    [Fact]
    public void DuplicateFieldArguments() => ExpectErrors(
        """
            { field(arg1: "value", arg1: "value", arg1: "value") }
            """,
        Error("There can be only one argument named \"arg1\".", (1, 9), (1, 24), (1, 39)));

    [Fact]
    public void DuplicateDirectiveArguments() => ExpectErrors(
        """
            { field @directive(arg1: "value", arg1: "value") @other(a: 1, b: 2, a: 3, b: 4) }
            """,
        Error("There can be only one argument named \"arg1\".", (1, 20), (1, 35)),
        Error("There can be only one argument named \"a\".", (1, 57), (1, 69)),
        Error("There can be only one argument named \"b\".", (1, 63), (1, 75)));
}
