using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>All variable uses defined.</summary>
public sealed class NoUndefinedVariablesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.NoUndefinedVariables];

    [Fact]
    public void AllDefined() => ExpectValid(
        """
            query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }
            """);

    [Fact]
    public void DefinedInFragments() => ExpectValid(
        """
            query Foo($a: String, $b: String) { ...FragA }
            fragment FragA on Type { field(a: $a) { ...FragB } }
            fragment FragB on Type { field(b: $b) }
            """);

    [Fact]
    public void NotDefined() => ExpectErrors(
        """
            query Foo($a: String) { field(a: $a, b: $b, c: $c, d: $d) }
            """,
        Error("Variable \"$b\" is not defined by operation \"Foo\".", (1, 41), (1, 1)),
        Error("Variable \"$c\" is not defined by operation \"Foo\".", (1, 48), (1, 1)),
        Error("Variable \"$d\" is not defined by operation \"Foo\".", (1, 55), (1, 1)));

    [Fact]
    public void NotDefinedAnonymous() => ExpectErrors(
        """
            { field(a: $a) }
            """,
        Error("Variable \"$a\" is not defined.", (1, 12), (1, 1)));

    [Fact]
    public void NotDefinedInDirectivesAndObjects() => ExpectErrors(
        """
            query Foo { field(a: {b: [$b]}) @include(if: $c) }
            """,
        Error("Variable \"$b\" is not defined by operation \"Foo\".", (1, 27), (1, 1)),
        Error("Variable \"$c\" is not defined by operation \"Foo\".", (1, 46), (1, 1)));

    [Fact]
    public void NotDefinedByEachOperationThroughFragment() => ExpectErrors(
        """
            query Foo($b: String) { ...FragA }
            query Bar($a: String) { ...FragA }
            fragment FragA on Type { field(a: $a) { ...FragB } }
            fragment FragB on Type { field(b: $b) }
            """,
        Error("Variable \"$a\" is not defined by operation \"Foo\".", (3, 35), (1, 1)),
        Error("Variable \"$b\" is not defined by operation \"Bar\".", (4, 35), (2, 1)));
}
