using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Argument names, with suggestions.</summary>
public sealed class KnownArgumentNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.KnownArgumentNames];

    [Fact]
    public void KnownArguments() => ExpectValid(
        """
            fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }
            fragment multipleArgs on ComplicatedArgs { multipleReqs(req1: 1, req2: 2) }
            fragment noArgOnOptionalArg on Dog { isHouseTrained }
            fragment argsOnDirective on Dog { name @include(if: true) @skip(if: false) }
            """);

    [Fact]
    public void UnknownFieldArgumentsAreIgnoredOnUnknownFields() => ExpectValid(
        """
            fragment f on Dog { unknownField(unknownArg: SIT) }
            """);

    [Fact]
    public void UnknownDirectiveArgument() => ExpectErrors(
        """
            { dog @skip(unless: true) { name } }
            """,
        Error("Unknown argument \"unless\" on directive \"@skip\".", (1, 13)));

    [Fact]
    public void MisspelledDirectiveArgument() => ExpectErrors(
        """
            { dog @skip(iff: true) { name } }
            """,
        Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 13)));

    [Fact]
    public void UnknownArgumentOnUnknownDirectiveIsIgnored() => ExpectErrors(
        """
            { dog @unknown(x: 1) { name(surname: true, y: 1) } }
            """,
        Error("Unknown argument \"y\" on field \"Dog.name\".", (1, 44)));

    [Fact]
    public void MisspelledFieldArgument() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand(DogCommand: true) }
            """,
        Error("Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (1, 37)));

    [Fact]
    public void UnknownFieldArgumentsWithSuggestions() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand(dogCommand: SIT, unknown: true) isHouseTrained(atOtherHome: true) }
            """,
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 54)),
        Error("Unknown argument \"atOtherHome\" on field \"Dog.isHouseTrained\". Did you mean \"atOtherHomes\"?", (1, 84)));

    [Fact]
    public void MetaFieldArguments() => ExpectErrors(
        """
            { __type(nam: "Dog") { name } }
            """,
        Error("Unknown argument \"nam\" on field \"<meta>.__type\". Did you mean \"name\"?", (1, 10)));

    [Fact]
    public void DeepUnknownArguments() => ExpectErrors(
        """
            { dog { doesKnowCommand(unknown: true) } human { pets { name(unknown: true) } } }
            """,
        Error("Unknown argument \"unknown\" on field \"Dog.doesKnowCommand\".", (1, 25)),
        Error("Unknown argument \"unknown\" on field \"Pet.name\".", (1, 62)));
}
