using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Known type names with suggestions.</summary>
public sealed class KnownTypeNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.KnownTypeNames];

    [Fact]
    public void KnownTypes() => ExpectValid(
        """
            query Foo($var: String, $required: [Int!]!, $introspectionType: __EnumValue) {
              user(id: 4) { pets { ... on Pet { name }, ...PetFields, ... { name } } }
            }
            fragment PetFields on Pet { name }
            """);

    [Fact]
    public void UnknownTypes() => ExpectErrors(
        """
            query Foo($var: JumbledUpLetters) {
              user(id: 4) { name pets { ... on Badger { name }, ...PetFields } }
            }
            fragment PetFields on Peat { name }
            """,
        Error("Unknown type \"JumbledUpLetters\".", (1, 17)),
        Error("Unknown type \"Badger\".", (2, 36)),
        Error("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (4, 23)));

    [Fact]
    public void SuggestsCloseNames() => ExpectErrors(
        """
            query ($a: Strin, $b: [Dgo], $c: FurColour!) { dog { name } }
            """,
        Error("Unknown type \"Strin\". Did you mean \"String\"?", (1, 12)),
        Error("Unknown type \"Dgo\". Did you mean \"Dog\"?", (1, 24)),
        Error("Unknown type \"FurColour\". Did you mean \"FurColor\"?", (1, 34)));

    [Fact]
    public void SdlNamesAreUnknownInQueries() => ExpectValid(
        """
            query Foo($var: Cow) { dog { name } }
            type Cow { name: String }
            """);
}
