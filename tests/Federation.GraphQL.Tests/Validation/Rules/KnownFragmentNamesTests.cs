using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragment spread target defined.</summary>
public sealed class KnownFragmentNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.KnownFragmentNames];

    [Fact]
    public void KnownFragments() => ExpectValid(
        """
            { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
            fragment HumanFields1 on Human { name ...HumanFields3 }
            fragment HumanFields2 on Human { name }
            fragment HumanFields3 on Human { name }
            """);

    [Fact]
    public void UnknownFragments() => ExpectErrors(
        """
            { human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }
            fragment HumanFields on Human { name ...UnknownFragment3 }
            """,
        Error("Unknown fragment \"UnknownFragment1\".", (1, 21)),
        Error("Unknown fragment \"UnknownFragment2\".", (1, 56)),
        Error("Unknown fragment \"UnknownFragment3\".", (2, 41)));
}
