using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>All variables used.</summary>
public sealed class NoUnusedVariablesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.NoUnusedVariables];

    [Fact]
    public void AllUsed() => ExpectValid(
        """
            query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
            """);

    [Fact]
    public void UsedInFragments() => ExpectValid(
        """
            query Foo($a: String, $b: String) { ...FragA }
            fragment FragA on Type { field(a: $a) { ...FragB } }
            fragment FragB on Type { field(b: $b) }
            """);

    [Fact]
    public void NotUsed() => ExpectErrors(
        """
            query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }
            """,
        Error("Variable \"$c\" is never used.", (1, 32)));

    [Fact]
    public void NotUsedNamed() => ExpectErrors(
        """
            query Foo($a: String, $b: String, $c: String) { field(b: $b) }
            """,
        Error("Variable \"$a\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$c\" is never used in operation \"Foo\".", (1, 35)));

    [Fact]
    public void NotUsedByEachOperation() => ExpectErrors(
        """
            query Foo($b: String) { ...FragA }
            query Bar($a: String) { ...FragB }
            fragment FragA on Type { field(a: $a) }
            fragment FragB on Type { field(b: $b) }
            """,
        Error("Variable \"$b\" is never used in operation \"Foo\".", (1, 11)),
        Error("Variable \"$a\" is never used in operation \"Bar\".", (2, 11)));

    [Fact]
    public void UsedInDirective() => ExpectValid(
        """
            query Foo($a: Boolean!) { field @include(if: $a) }
            """);
}
