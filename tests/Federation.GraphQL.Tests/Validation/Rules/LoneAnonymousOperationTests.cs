using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Lone Anonymous Operation.</summary>
public sealed class LoneAnonymousOperationTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.LoneAnonymousOperation];

    [Fact]
    public void OneAnonymous() => ExpectValid(
        """
            { field }
            """);

    [Fact]
    public void AnonymousWithFragment() => ExpectValid(
        """
            { ...Foo }
            fragment Foo on Type { field }
            """);

    [Fact]
    public void MultipleAnonymous() => ExpectErrors(
        """
            { fieldA }
            { fieldB }
            """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)),
        Error("This anonymous operation must be the only defined operation.", (2, 1)));

    [Fact]
    public void AnonymousAndNamed() => ExpectErrors(
        """
            { fieldA }
            mutation Foo { fieldB }
            """,
        Error("This anonymous operation must be the only defined operation.", (1, 1)));
}
