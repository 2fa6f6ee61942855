using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Fragment spreads must not form cycles.</summary>
public sealed class NoFragmentCyclesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.NoFragmentCycles];

    [Fact]
    public void NoCycle() => ExpectValid(
        """
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { name }
            """);

    [Fact]
    public void DoubleSpreadNoCycle() => ExpectValid(
        """
            fragment fragA on Dog { ...fragB, ...fragB }
            fragment fragB on Dog { name }
            """);

    [Fact]
    public void SelfSpread() => ExpectErrors(
        """
            fragment fragA on Human { ...fragA }
            """,
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 27)));

    [Fact]
    public void SelfSpreadInInline() => ExpectErrors(
        """
            fragment fragA on Pet { ... on Dog { ...fragA } }
            """,
        Error("Cannot spread fragment \"fragA\" within itself.", (1, 38)));

    [Fact]
    public void TwoFragmentCycle() => ExpectErrors(
        """
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragA }
            """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)));

    [Fact]
    public void DeepCycle() => ExpectErrors(
        """
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragC }
            fragment fragC on Dog { ...fragO }
            fragment fragX on Dog { ...fragY }
            fragment fragY on Dog { ...fragZ }
            fragment fragZ on Dog { ...fragO }
            fragment fragO on Dog { ...fragP }
            fragment fragP on Dog { ...fragA, ...fragX }
            """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\", \"fragO\", \"fragP\".", (1, 25), (2, 25), (3, 25), (7, 25), (8, 25)),
        Error("Cannot spread fragment \"fragO\" within itself via \"fragP\", \"fragX\", \"fragY\", \"fragZ\".", (7, 25), (8, 35), (4, 25), (5, 25), (6, 25)));

    [Fact]
    public void MultipleCyclesFromOneFragment() => ExpectErrors(
        """
            fragment fragA on Dog { ...fragB, ...fragC }
            fragment fragB on Dog { ...fragA }
            fragment fragC on Dog { ...fragA }
            """,
        Error("Cannot spread fragment \"fragA\" within itself via \"fragB\".", (1, 25), (2, 25)),
        Error("Cannot spread fragment \"fragA\" within itself via \"fragC\".", (1, 35), (3, 25)));

    [Fact]
    public void UnknownFragmentIsNotACycle() => ExpectValid(
        """
            fragment fragA on Dog { ...unknown }
            """);
}
