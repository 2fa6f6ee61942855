using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragments on composite types.</summary>
public sealed class FragmentsOnCompositeTypesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.FragmentsOnCompositeTypes];

    [Fact]
    public void ObjectInterfaceUnion() => ExpectValid(
        """
            fragment a on Dog { barks }
            fragment b on Pet { name }
            fragment c on CatOrDog { ... on Dog { barks } }
            fragment d on Dog { ... { barks } }
            """);

    [Fact]
    public void OnScalar() => ExpectErrors(
        """
            fragment scalarFragment on Boolean { bad }
            """,
        Error("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (1, 28)));

    [Fact]
    public void OnEnum() => ExpectErrors(
        """
            fragment scalarFragment on FurColor { bad }
            """,
        Error("Fragment \"scalarFragment\" cannot condition on non composite type \"FurColor\".", (1, 28)));

    [Fact]
    public void OnInputObject() => ExpectErrors(
        """
            fragment inputFragment on ComplexInput { stringField }
            """,
        Error("Fragment \"inputFragment\" cannot condition on non composite type \"ComplexInput\".", (1, 27)));

    [Fact]
    public void InlineOnScalar() => ExpectErrors(
        """
            fragment invalidFragment on Pet { ... on String { barks } }
            """,
        Error("Fragment cannot condition on non composite type \"String\".", (1, 42)));

    [Fact]
    public void UnknownTypeIsNotReported() => ExpectValid(
        """
            fragment f on Unknown { a }
            """);
}
