using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragments must be used.</summary>
public sealed class NoUnusedFragmentsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.NoUnusedFragments];

    [Fact]
    public void AllUsed() => ExpectValid(
        """
            { human(id: 4) { ...HumanFields1 } }
            fragment HumanFields1 on Human { name ...HumanFields2 }
            fragment HumanFields2 on Human { name }
            """);

    [Fact]
    public void UnusedFragments() => ExpectErrors(
        """
            query Foo { human(id: 4) { ...HumanFields1 } }
            fragment HumanFields1 on Human { name ...HumanFields3 }
            fragment HumanFields2 on Human { name }
            fragment HumanFields3 on Human { name }
            fragment Unused1 on Human { name }
            fragment Unused2 on Human { name }
            """,
        Error("Fragment \"HumanFields2\" is never used.", (3, 1)),
        Error("Fragment \"Unused1\" is never used.", (5, 1)),
        Error("Fragment \"Unused2\" is never used.", (6, 1)));

    [Fact]
    public void UnusedCycle() => ExpectErrors(
        """
            { human(id: 4) { name } }
            fragment A on Human { ...B }
            fragment B on Human { ...A }
            """,
        Error("Fragment \"A\" is never used.", (2, 1)),
        Error("Fragment \"B\" is never used.", (3, 1)));

    [Fact]
    public void UsedBeforeDefinedAcrossOperations() => ExpectValid(
        """
            query A { ...F1 }
            fragment F1 on QueryRoot { dog { name } }
            query B { ...F2 }
            fragment F2 on QueryRoot { cat { name } }
            """);
}
