using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Required arguments.</summary>
public sealed class ProvidedRequiredArgumentsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.ProvidedRequiredArguments];

    [Fact]
    public void AllProvided() => ExpectValid(
        """
            {
              complicatedArgs { multipleReqs(req1: 1, req2: 2) multipleOpts nonNullFieldWithDefault multipleOptAndReq(req2: 2, req1: 1, opt2: 3) }
              dog { isHouseTrained name @include(if: true) }
            }
            """);

    [Fact]
    public void MissingOne() => ExpectErrors(
        """
            { complicatedArgs { multipleReqs(req2: 2) } }
            """,
        Error("Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void MissingAll() => ExpectErrors(
        """
            { complicatedArgs { multipleReqs nonNullIntArgField } }
            """,
        Error("Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)),
        Error("Argument \"ComplicatedArgs.multipleReqs(req2:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)),
        Error("Argument \"ComplicatedArgs.nonNullIntArgField(nonNullIntArg:)\" of type \"Int!\" is required, but it was not provided.", (1, 34)));

    [Fact]
    public void NullDoesNotCountAsMissing() => ExpectValid(
        """
            { complicatedArgs { multipleReqs(req1: null, req2: null) } }
            """);

    [Fact]
    public void MissingDirectiveArguments() => ExpectErrors(
        """
            { dog @include { name @skip } human @withArgs { name } }
            """,
        Error("Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 7)),
        Error("Argument \"@skip(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 23)),
        Error("Argument \"@withArgs(required:)\" of type \"Int!\" is required, but it was not provided.", (1, 37)));

    [Fact]
    public void MetaFieldRequiredArgument() => ExpectErrors(
        """
            { __type { name } }
            """,
        Error("Argument \"<meta>.__type(name:)\" of type \"String!\" is required, but it was not provided.", (1, 3)));

    [Fact]
    public void UnknownFieldsAreIgnored() => ExpectValid(
        """
            { unknown { multipleReqs } }
            """);
}
