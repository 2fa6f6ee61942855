using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Leaf field selections.</summary>
public sealed class ScalarLeafsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.ScalarLeafs];

    [Fact]
    public void ValidScalar() => ExpectValid(
        """
            fragment scalarSelection on Dog { barks }
            """);

    [Fact]
    public void ObjectWithoutSelection() => ExpectErrors(
        """
            query directQueryOnObjectWithoutSubFields { human }
            """,
        Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (1, 45)));

    [Fact]
    public void InterfaceWithoutSelection() => ExpectErrors(
        """
            { pet }
            """,
        Error("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (1, 3)));

    [Fact]
    public void ListOfObjectsWithoutSelection() => ExpectErrors(
        """
            { human { pets relatives } }
            """,
        Error("Field \"pets\" of type \"[Pet]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (1, 11)),
        Error("Field \"relatives\" of type \"[Human]!\" must have a selection of subfields. Did you mean \"relatives { ... }\"?", (1, 16)));

    [Fact]
    public void ScalarWithSelection() => ExpectErrors(
        """
            fragment scalarSelectionsNotAllowedOnBoolean on Dog { barks { sinceWhen } }
            """,
        Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 61)));

    [Fact]
    public void EnumWithSelection() => ExpectErrors(
        """
            fragment scalarSelectionsNotAllowedOnEnum on Cat { furColor { inHexDec } }
            """,
        Error("Field \"furColor\" must not have a selection since type \"FurColor\" has no subfields.", (1, 61)));

    [Fact]
    public void ScalarWithArgsAndSelection() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }
            """,
        Error("Field \"doesKnowCommand\" must not have a selection since type \"Boolean\" has no subfields.", (1, 54)));

    [Fact]
    public void TypenameWithSelection() => ExpectErrors(
        """
            { __typename { a } }
            """,
        Error("Field \"__typename\" must not have a selection since type \"String!\" has no subfields.", (1, 14)));

    [Fact]
    public void EmptySelectionAllowedByDefault() => ExpectValid(
        """
            { dog { } }
            """);
}
