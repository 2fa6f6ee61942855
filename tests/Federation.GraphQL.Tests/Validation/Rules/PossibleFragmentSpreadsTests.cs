using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragment spread is possible.</summary>
public sealed class PossibleFragmentSpreadsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.PossibleFragmentSpreads];

    [Fact]
    public void SameAndOverlappingTypes() => ExpectValid(
        """
            fragment objectWithinObject on Dog { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            fragment objectWithinInterface on Pet { ...dogFragment }
            fragment objectWithinUnion on CatOrDog { ...dogFragment }
            fragment unionWithinObject on Dog { ...catOrDogFragment }
            fragment catOrDogFragment on CatOrDog { __typename }
            fragment interfaceWithinInterface on Pet { ... on Canine { name } }
            """);

    [Fact]
    public void DifferentObjects() => ExpectErrors(
        """
            fragment invalidObjectWithinObject on Cat { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            """,
        Error("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 45)));

    [Fact]
    public void InlineDifferentObjects() => ExpectErrors(
        """
            fragment f on Cat { ... on Dog { barkVolume } }
            """,
        Error("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 21)));

    [Fact]
    public void ObjectWithinInterfaceNotImplementing() => ExpectErrors(
        """
            fragment f on Pet { ...humanFragment }
            fragment humanFragment on Human { pets { name } }
            """,
        Error("Fragment \"humanFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Human\".", (1, 21)));

    [Fact]
    public void UnionWithinObject() => ExpectErrors(
        """
            fragment f on Human { ...catOrDogFragment }
            fragment catOrDogFragment on CatOrDog { __typename }
            """,
        Error("Fragment \"catOrDogFragment\" cannot be spread here as objects of type \"Human\" can never be of type \"CatOrDog\".", (1, 23)));

    [Fact]
    public void InterfaceWithinUnionNoOverlap() => ExpectErrors(
        """
            fragment f on CatOrDog { ... on SomeBox { unrelatedField } }
            """,
        Error("Fragment cannot be spread here as objects of type \"CatOrDog\" can never be of type \"SomeBox\".", (1, 26)));

    [Fact]
    public void UnknownTypesAreIgnored() => ExpectValid(
        """
            fragment f on Dog { ...g ... on Unknown { a } }
            fragment g on Unknown { a }
            """);
}
