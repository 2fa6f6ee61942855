using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Directives are defined and in valid locations.</summary>
public sealed class KnownDirectivesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.KnownDirectives];

    [Fact]
    public void NoDirectives() => ExpectValid(
        """
            query Foo { name ...Frag } fragment Frag on Dog { name }
            """);

    [Fact]
    public void KnownDirectives() => ExpectValid(
        """
            { dog @include(if: true) { name } human @skip(if: false) { name } }
            """);

    [Fact]
    public void UnknownDirective() => ExpectErrors(
        """
            { dog @unknown(directive: "value") { name } }
            """,
        Error("Unknown directive \"@unknown\".", (1, 7)));

    [Fact]
    public void ManyUnknownDirectives() => ExpectErrors(
        """
            { dog @unknown(directive: "value") { name } human @unknown(directive: "value") { name pets @unknown(directive: "value") { name } } }
            """,
        Error("Unknown directive \"@unknown\".", (1, 7)),
        Error("Unknown directive \"@unknown\".", (1, 51)),
        Error("Unknown directive \"@unknown\".", (1, 92)));

    [Fact]
    public void WellPlaced() => ExpectValid(
        """
            query ($var: Boolean @onVariableDefinition) @onQuery {
              name @include(if: $var)
              ...Frag @include(if: true)
              skippedField @skip(if: true)
              ...SkippedFrag @skip(if: true)
              ... @skip(if: true) { skippedField }
            }
            mutation @onMutation { someField }
            subscription @onSubscription { someField }
            fragment Frag on SomeType @onFragmentDefinition { someField }
            """);

    [Fact]
    public void Misplaced() => ExpectErrors(
        """
            query ($var: Boolean @onQuery) @onMutation {
              name @onQuery @include(if: $var)
              ...Frag @onQuery
              ... @onQuery { skippedField }
            }
            mutation @onQuery { someField }
            subscription @onQuery { someField }
            fragment Frag on SomeType @onQuery { someField }
            """,
        Error("Directive \"@onQuery\" may not be used on VARIABLE_DEFINITION.", (1, 22)),
        Error("Directive \"@onMutation\" may not be used on QUERY.", (1, 32)),
        Error("Directive \"@onQuery\" may not be used on FIELD.", (2, 8)),
        Error("Directive \"@onQuery\" may not be used on FRAGMENT_SPREAD.", (3, 11)),
        Error("Directive \"@onQuery\" may not be used on INLINE_FRAGMENT.", (4, 7)),
        Error("Directive \"@onQuery\" may not be used on MUTATION.", (6, 10)),
        Error("Directive \"@onQuery\" may not be used on SUBSCRIPTION.", (7, 14)),
        Error("Directive \"@onQuery\" may not be used on FRAGMENT_DEFINITION.", (8, 27)));

    [Fact]
    public void DeprecatedNotOnField() => ExpectErrors(
        """
            { dog @deprecated { name } }
            """,
        Error("Directive \"@deprecated\" may not be used on FIELD.", (1, 7)));
}
