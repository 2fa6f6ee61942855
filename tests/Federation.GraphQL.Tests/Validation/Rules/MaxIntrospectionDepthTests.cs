using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>graphql-js limit on nested introspection lists.</summary>
public sealed class MaxIntrospectionDepthTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.MaxIntrospectionDepth];

    [Fact]
    public void ShallowIntrospection() => ExpectValid(
        """
            { __schema { types { fields { type { name } } } } }
            """);

    [Fact]
    public void TooDeep() => ExpectErrors(
        """
            { __schema { types { fields { type { fields { type { fields { name } } } } } } } }
            """,
        Error("Maximum introspection depth exceeded", (1, 3)));

    [Fact]
    public void TooDeepThroughFragments() => ExpectErrors(
        """
            { __schema { types { ...F } } }
            fragment F on __Type { fields { type { ...G } } }
            fragment G on __Type { interfaces { fields { name } } }
            """,
        Error("Maximum introspection depth exceeded", (1, 3)));

    [Fact]
    public void TooDeepThroughType() => ExpectErrors(
        """
            { __type(name: "Dog") { possibleTypes { interfaces { inputFields { name } } } } }
            """,
        Error("Maximum introspection depth exceeded", (1, 3)));

    [Fact]
    public void CyclicFragmentsDoNotHang() => ExpectValid(
        """
            { __schema { types { ...F } } }
            fragment F on __Type { ofType { ...F } }
            """);
}
