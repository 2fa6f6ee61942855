using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fields on correct type, with graphql-js suggestions.</summary>
public sealed class FieldsOnCorrectTypeTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.FieldsOnCorrectType];

    [Fact]
    public void ObjectFieldSelection() => ExpectValid(
        """
            fragment objectFieldSelection on Dog { __typename name }
            """);

    [Fact]
    public void AliasedAndInterfaceSelections() => ExpectValid(
        """
            fragment a on Dog { tn : __typename otherName : name }
            fragment b on Pet { name }
            fragment c on CatOrDog { __typename }
            """);

    [Fact]
    public void MetaFieldsOnQueryRoot() => ExpectValid(
        """
            { __schema { queryType { name } } __type(name: "Dog") { name } }
            """);

    [Fact]
    public void SchemaMetaFieldNotOnOtherTypes() => ExpectErrors(
        """
            { dog { __schema { queryType { name } } } }
            """,
        Error("Cannot query field \"__schema\" on type \"Dog\".", (1, 9)));

    [Fact]
    public void UnknownFieldWithSuggestion() => ExpectErrors(
        """
            fragment f on Dog { meowVolume }
            """,
        Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 21)));

    [Fact]
    public void UnknownFieldDeep() => ExpectErrors(
        """
            fragment f on Dog { unknown_field { deeper_unknown_field } }
            """,
        Error("Cannot query field \"unknown_field\" on type \"Dog\".", (1, 21)));

    [Fact]
    public void UnknownFieldOnInterfaceSuggestsTypes() => ExpectErrors(
        """
            fragment f on Pet { meows barks nickname }
            """,
        Error("Cannot query field \"meows\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\"?", (1, 21)),
        Error("Cannot query field \"barks\" on type \"Pet\". Did you mean to use an inline fragment on \"Dog\"?", (1, 27)),
        Error("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (1, 33)));

    [Fact]
    public void UnknownFieldOnUnion() => ExpectErrors(
        """
            fragment f on CatOrDog { name directField }
            """,
        Error("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Canine\", \"Cat\", or \"Dog\"?", (1, 26)),
        Error("Cannot query field \"directField\" on type \"CatOrDog\".", (1, 31)));

    [Fact]
    public void SuggestsInterfacesByUsage() => ExpectErrors(
        """
            fragment f on Mammal { name }
            """,
        Error("Cannot query field \"name\" on type \"Mammal\". Did you mean to use an inline fragment on \"Canine\", \"Pet\", or \"Dog\"?", (1, 24)));

    [Fact]
    public void UnknownAliasedField() => ExpectErrors(
        """
            fragment f on Dog { volume : mooVolume }
            """,
        Error("Cannot query field \"mooVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 21)));

    [Fact]
    public void FieldsOnUnknownTypeIgnored() => ExpectValid(
        """
            fragment f on Unknown { a }
            """);

    [Fact]
    public void SuggestsFieldsByLexicalDistance() => ExpectErrors(
        """
            { dog { nam nicknam isHousetrained } }
            """,
        Error("Cannot query field \"nam\" on type \"Dog\". Did you mean \"name\"?", (1, 9)),
        Error("Cannot query field \"nicknam\" on type \"Dog\". Did you mean \"nickname\"?", (1, 13)),
        Error("Cannot query field \"isHousetrained\" on type \"Dog\". Did you mean \"isHouseTrained\"?", (1, 21)));

    [Fact]
    public void AbstractTypeInlineFragmentSuggestions() => ExpectErrors(
        """
            { someBox { scalar deepBox { listStringBox } } }
            """,
        Error("Cannot query field \"scalar\" on type \"SomeBox\". Did you mean to use an inline fragment on \"IntBox\" or \"StringBox\"?", (1, 13)),
        Error("Cannot query field \"listStringBox\" on type \"SomeBox\". Did you mean to use an inline fragment on \"IntBox\" or \"StringBox\"?", (1, 30)));
}
