using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Whole documents through every specified rule: error order across rules.</summary>
public sealed class AllRulesTests : ValidationHarness
{
    [Fact]
    public void ValidKitchenSink() => ExpectValid(
        """
            query Q($id: ID, $withPets: Boolean = true, $command: DogCommand!) @onQuery {
              human(id: $id) { name pets @include(if: $withPets) { ...PetName } }
              dog { doesKnowCommand(dogCommand: $command) ... on Dog { barks } }
              catOrDog { ... on Cat { meows } __typename }
              __type(name: "Dog") { fields { name } }
            }
            fragment PetName on Pet { name }
            mutation M { createDog(name: "Rex") { name } }
            subscription S { newDog { name } }
            """);

    [Fact]
    public void ErrorsFromSeveralRules() => ExpectErrors(
        """
            query Q($unused: Int, $x: Dog) {
              dog { unknownField name(surname: "no") barks { x } }
              human { ...Missing }
              cat @skip(if: $undefined) { furColor(x: 1) }
            }
            fragment Unused on Cat { meows }
            { anonymous }
            """,
        Error("Variable \"$undefined\" is not defined by operation \"Q\".", (4, 17), (1, 1)),
        Error("Variable \"$unused\" is never used in operation \"Q\".", (1, 9)),
        Error("Variable \"$x\" is never used in operation \"Q\".", (1, 23)),
        Error("Variable \"$x\" cannot be non-input type \"Dog\".", (1, 27)),
        Error("Cannot query field \"unknownField\" on type \"Dog\".", (2, 9)),
        Error("Boolean cannot represent a non boolean value: \"no\"", (2, 36)),
        Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (2, 48)),
        Error("Unknown fragment \"Missing\".", (3, 14)),
        Error("Unknown argument \"x\" on field \"Cat.furColor\".", (4, 40)),
        Error("This anonymous operation must be the only defined operation.", (7, 1)),
        Error("Cannot query field \"anonymous\" on type \"QueryRoot\".", (7, 3)),
        Error("Fragment \"Unused\" is never used.", (6, 1)));

    [Fact]
    public void MutationNotSupportedIsStillValidatedAgainstNothing() => ExpectErrors(
        """
            mutation { createDog { name } }
            """,
        Error("Argument \"MutationRoot.createDog(name:)\" of type \"String!\" is required, but it was not provided.", (1, 12)));
}
