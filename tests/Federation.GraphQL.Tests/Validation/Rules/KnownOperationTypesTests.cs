using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Operation Type Existence.</summary>
public sealed class KnownOperationTypesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.KnownOperationTypes];

    [Fact]
    public void QueryMutationSubscription() => ExpectValid(
        """
            query { dog { name } }
            mutation M { createDog(name: "x") { name } }
            subscription S { newDog { name } }
            """);
}
