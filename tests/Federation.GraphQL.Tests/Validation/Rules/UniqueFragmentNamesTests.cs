using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragment name uniqueness.</summary>
public sealed class UniqueFragmentNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueFragmentNames];

    [Fact]
    public void DifferentNames() => ExpectValid(
        """
            { dog { ...fragA ...fragB } }
            fragment fragA on Dog { name }
            fragment fragB on Dog { name }
            """);

    [Fact]
    public void SameNameTwice() => ExpectErrors(
        """
            { dog { ...fragA } }
            fragment fragA on Dog { name }
            fragment fragA on Dog { barks }
            """,
        Error("There can be only one fragment named \"fragA\".", (2, 10), (3, 10)));

    [Fact]
    public void SameNameThreeTimes() => ExpectErrors(
        """
            fragment fragA on Dog { name }
            fragment fragA on Dog { barks }
            fragment fragA on Dog { nickname }
            """,
        Error("There can be only one fragment named \"fragA\".", (1, 10), (2, 10)),
        Error("There can be only one fragment named \"fragA\".", (1, 10), (3, 10)));
}
