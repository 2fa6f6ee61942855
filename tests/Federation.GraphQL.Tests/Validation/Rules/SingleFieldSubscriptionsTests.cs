using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Single Root Field of subscriptions.</summary>
public sealed class SingleFieldSubscriptionsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.SingleFieldSubscriptions];

    [Fact]
    public void OneField() => ExpectValid(
        """
            subscription ImportantEmails { newDog { name } }
            """);

    [Fact]
    public void OneFieldWithTypename() => ExpectValid(
        """
            subscription { newDog { __typename } }
            """);

    [Fact]
    public void FragmentWithOneField() => ExpectValid(
        """
            subscription S { ...Frag }
            fragment Frag on SubscriptionRoot { newDog { name } }
            """);

    [Fact]
    public void MoreThanOneField() => ExpectErrors(
        """
            subscription S { newDog { name } newCat { name } }
            """,
        Error("Subscription \"S\" must select only one top level field.", (1, 34)));

    [Fact]
    public void MoreThanOneFieldAnonymous() => ExpectErrors(
        """
            subscription { newDog { name } newCat { name } catOrDogEvents { __typename } }
            """,
        Error("Anonymous Subscription must select only one top level field.", (1, 32), (1, 48)));

    [Fact]
    public void MoreThanOneFieldViaFragments() => ExpectErrors(
        """
            subscription S { newDog { name } ...Other }
            fragment Other on SubscriptionRoot { newCat { name } ... on SubscriptionRoot { catOrDogEvents { __typename } } }
            """,
        Error("Subscription \"S\" must select only one top level field.", (2, 38), (2, 80)));

    [Fact]
    public void IntrospectionField() => ExpectErrors(
        """
            subscription S { __typename }
            """,
        Error("Subscription \"S\" must not select an introspection top level field.", (1, 18)));

    [Fact]
    public void IntrospectionFieldAnonymous() => ExpectErrors(
        """
            subscription { __typename }
            """,
        Error("Anonymous Subscription must not select an introspection top level field.", (1, 16)));

    [Fact]
    public void SkipAndInclude() => ExpectErrors(
        """
            subscription S {
              newDog @skip(if: true) { name }
              newCat @include(if: false) { name }
            }
            """,
        Error("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (2, 10), (3, 10)));

    [Fact]
    public void SkipOnFragment() => ExpectErrors(
        """
            subscription S { ...F @skip(if: $v) }
            fragment F on SubscriptionRoot { newDog { name } }
            """,
        Error("Subscription \"S\" must not use `@skip` or `@include` directives in the top level selection.", (1, 23)));

    [Fact]
    public void NoFieldsSelectedViaMismatchedFragment() => ExpectErrors(
        """
            subscription S { ... on QueryRoot { dog { name } } }
            """,
        Error("Subscription \"S\" must select one top level field.", (1, 16)));

    [Fact]
    public void SameFieldTwiceIsOneEntry() => ExpectValid(
        """
            subscription S { newDog { name } newDog { nickname } }
            """);
}
