using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Operation Name Uniqueness.</summary>
public sealed class UniqueOperationNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueOperationNames];

    [Fact]
    public void NoOperations() => ExpectValid(
        """
            fragment fragA on Type { field }
            """);

    [Fact]
    public void OneAnonymous() => ExpectValid(
        """
            { field }
            """);

    [Fact]
    public void MultipleNamed() => ExpectValid(
        """
            query Foo { field }
            query Bar { field }
            """);

    [Fact]
    public void FragmentAndOperationSameName() => ExpectValid(
        """
            query Foo { ...Foo }
            fragment Foo on Type { field }
            """);

    [Fact]
    public void TwoNamedSameName() => ExpectErrors(
        """
            query Foo { fieldA }
            query Foo { fieldB }
            """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 7)));

    [Fact]
    public void SameNameDifferentTypes() => ExpectErrors(
        """
            query Foo { fieldA }
            mutation Foo { fieldB }
            subscription Foo { fieldC }
            """,
        Error("There can be only one operation named \"Foo\".", (1, 7), (2, 10)),
        Error("There can be only one operation named \"Foo\".", (1, 7), (3, 14)));
}
