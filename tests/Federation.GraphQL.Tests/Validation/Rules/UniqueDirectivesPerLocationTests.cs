using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Directives are unique per location.</summary>
public sealed class UniqueDirectivesPerLocationTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueDirectivesPerLocation];

    [Fact]
    public void NoDuplicates() => ExpectValid(
        """
            fragment Test on Type { field @onField @include(if: true) }
            """);

    [Fact]
    public void SameDirectiveDifferentLocations() => ExpectValid(
        """
            fragment Test on Type @onFragmentDefinition { field @onField }
            """);

    [Fact]
    public void Duplicate() => ExpectErrors(
        """
            fragment Test on Type { field @onField @onField }
            """,
        Error("The directive \"@onField\" can only be used once at this location.", (1, 31), (1, 40)));

    [Fact]
    public void ManyDuplicates() => ExpectErrors(
        """
            fragment Test on Type { field @onField @onField @onField }
            """,
        Error("The directive \"@onField\" can only be used once at this location.", (1, 31), (1, 40)),
        Error("The directive \"@onField\" can only be used once at this location.", (1, 31), (1, 49)));

    [Fact]
    public void DifferentDuplicates() => ExpectErrors(
        """
            fragment Test on Type { field @onField @include(if: true) @onField @include(if: false) }
            """,
        Error("The directive \"@onField\" can only be used once at this location.", (1, 31), (1, 59)),
        Error("The directive \"@include\" can only be used once at this location.", (1, 40), (1, 68)));

    [Fact]
    public void RepeatableAllowed() => ExpectValid(
        """
            fragment Test on Type { field @repeatable @repeatable ...F @repeatable @repeatable }
            """);

    [Fact]
    public void UnknownDirectivesIgnored() => ExpectValid(
        """
            fragment Test on Type { field @unknown @unknown }
            """);
}
