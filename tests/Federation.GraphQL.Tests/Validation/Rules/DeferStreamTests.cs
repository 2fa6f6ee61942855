using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>The incremental delivery rules graphql-js 17 runs (defer and stream are unknown directives in this schema).</summary>
public sealed class DeferStreamTests : ValidationHarness
{
    [Fact]
    public void StreamOnRootMutationField() => ExpectErrors(
        """
            mutation { createDog(name: "x") @stream { name } }
            """,
        Error("Stream directive cannot be used on root mutation type \"MutationRoot\".", (1, 33)),
        Error("Unknown directive \"@stream\".", (1, 33)),
        Error("Directive \"@stream\" cannot be used on non-list field \"MutationRoot.createDog\".", (1, 33)));

    [Fact]
    public void DeferOnRootSubscriptionFragment() => ExpectErrors(
        """
            subscription { ... @defer { newDog { name } } ...F @defer(label: "a") }
            fragment F on SubscriptionRoot { newDog { name } }
            """,
        Error("Defer directive cannot be used on root subscription type \"SubscriptionRoot\".", (1, 20)),
        Error("Defer directive cannot be used on root subscription type \"SubscriptionRoot\".", (1, 52)),
        Error("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", (1, 20)),
        Error("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", (1, 52)),
        Error("Unknown directive \"@defer\".", (1, 20)),
        Error("Unknown directive \"@defer\".", (1, 52)));

    [Fact]
    public void DeferNotSwitchedOffInSubscription() => ExpectErrors(
        """
            subscription { newDog { ... @defer { name } ... @defer(if: false) { nickname } } }
            """,
        Error("Defer directive not supported on subscription operations. Disable `@defer` by setting the `if` argument to `false`.", (1, 29)),
        Error("Unknown directive \"@defer\".", (1, 29)),
        Error("Unknown directive \"@defer\".", (1, 49)));

    [Fact]
    public void LabelsMustBeStaticAndUnique() => ExpectErrors(
        """
            { dog { ... @defer(label: "a") { name } ... @defer(label: "a") { nickname } ... @defer(label: $l) { barks } } }
            """,
        Error("Variable \"$l\" is not defined.", (1, 95), (1, 1)),
        Error("Unknown directive \"@defer\".", (1, 13)),
        Error("Unknown directive \"@defer\".", (1, 45)),
        Error("Value for arguments \"defer(label:)\" and \"stream(label:)\" must be unique across all Defer/Stream directive usages.", (1, 13), (1, 45)),
        Error("Unknown directive \"@defer\".", (1, 81)),
        Error("Argument \"@defer(label:)\" must be a static string.", (1, 81)));

    [Fact]
    public void StreamOnNonList() => ExpectErrors(
        """
            { dog @stream { name } pets @stream { name } }
            """,
        Error("Unknown directive \"@stream\".", (1, 7)),
        Error("Directive \"@stream\" cannot be used on non-list field \"QueryRoot.dog\".", (1, 7)),
        Error("Unknown directive \"@stream\".", (1, 29)));

    [Fact]
    public void StreamOnMetaFieldNamesTheParentType() => ExpectErrors(
        """
            { __typename @stream dog { __typename @stream } }
            """,
        Error("Unknown directive \"@stream\".", (1, 14)),
        Error("Directive \"@stream\" cannot be used on non-list field \"QueryRoot.__typename\".", (1, 14)),
        Error("Unknown directive \"@stream\".", (1, 39)),
        Error("Directive \"@stream\" cannot be used on non-list field \"Dog.__typename\".", (1, 39)));
}
