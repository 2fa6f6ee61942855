using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Variables are input types.</summary>
public sealed class VariablesAreInputTypesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.VariablesAreInputTypes];

    [Fact]
    public void InputTypes() => ExpectValid(
        """
            query Foo($a: Unknown, $b: [Boolean!] = [true], $c: ComplexInput, $d: FurColor, $e: OneOfInput) { field(a: $a, b: $b, c: $c) }
            """);

    [Fact]
    public void OutputTypes() => ExpectErrors(
        """
            query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }
            """,
        Error("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
        Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (1, 24)),
        Error("Variable \"$c\" cannot be non-input type \"Pet\".", (1, 44)));
}
