using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>All variable usages are allowed.</summary>
public sealed class VariablesInAllowedPositionTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.VariablesInAllowedPosition];

    [Fact]
    public void SameTypes() => ExpectValid(
        """
            query ($b: Boolean, $s: String, $ls: [String], $e: FurColor) {
              complicatedArgs {
                booleanArgField(booleanArg: $b)
                stringArgField(stringArg: $s)
                stringListArgField(stringListArg: $ls)
                enumArgField(enumArg: $e)
              }
            }
            """);

    [Fact]
    public void NonNullIntoNullable() => ExpectValid(
        """
            query ($b: Boolean!, $ls: [String!]!) { complicatedArgs { booleanArgField(booleanArg: $b) stringListArgField(stringListArg: $ls) } }
            """);

    [Fact]
    public void NullableIntoNonNull() => ExpectErrors(
        """
            query ($i: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }
            """,
        Error("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", (1, 8), (1, 71)));

    [Fact]
    public void NullableWithDefaultIntoNonNull() => ExpectErrors(
        """
            query ($i: Int = 1, $j: Int = null) { complicatedArgs { a: nonNullIntArgField(nonNullIntArg: $i) b: nonNullIntArgField(nonNullIntArg: $j) } }
            """,
        Error("Variable \"$j\" of type \"Int\" used in position expecting type \"Int!\".", (1, 21), (1, 135)));

    [Fact]
    public void NullableIntoNonNullWithLocationDefault() => ExpectValid(
        """
            query ($i: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $i) } }
            """);

    [Fact]
    public void WrongTypes() => ExpectErrors(
        """
            query Q($s: String, $i: Int, $ls: [String], $lls: [[String]], $ci: ComplexInput) {
              complicatedArgs {
                a: intArgField(intArg: $s)
                b: stringArgField(stringArg: $ls)
                c: stringListArgField(stringListArg: $s)
                d: stringListArgField(stringListArg: $lls)
                e: stringListNonNullArgField(stringListNonNullArg: $ls)
                f: complexArgField(complexArg: $s)
                g: intArgField(intArg: $ci)
              }
            }
            """,
        Error("Variable \"$s\" of type \"String\" used in position expecting type \"Int\".", (1, 9), (3, 28)),
        Error("Variable \"$ls\" of type \"[String]\" used in position expecting type \"String\".", (1, 30), (4, 34)),
        Error("Variable \"$s\" of type \"String\" used in position expecting type \"[String]\".", (1, 9), (5, 42)),
        Error("Variable \"$lls\" of type \"[[String]]\" used in position expecting type \"[String]\".", (1, 45), (6, 42)),
        Error("Variable \"$ls\" of type \"[String]\" used in position expecting type \"[String!]\".", (1, 30), (7, 56)),
        Error("Variable \"$s\" of type \"String\" used in position expecting type \"ComplexInput\".", (1, 9), (8, 36)),
        Error("Variable \"$ci\" of type \"ComplexInput\" used in position expecting type \"Int\".", (1, 63), (9, 28)));

    [Fact]
    public void ThroughFragments() => ExpectErrors(
        """
            query Q($i: Int) { ...F }
            fragment F on QueryRoot { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }
            """,
        Error("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", (1, 9), (2, 79)));

    [Fact]
    public void InDirectivesAndInputFields() => ExpectErrors(
        """
            query Q($b: Boolean, $bb: Boolean!, $s: String) {
              dog @include(if: $b) { name @skip(if: $bb) }
              complicatedArgs { complexArgField(complexArg: { requiredField: $b, stringListField: [$s], nonNullField: $b }) }
            }
            """,
        Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (2, 20)),
        Error("Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 9), (3, 66)));

    [Fact]
    public void OneOfFieldsNeedNonNullVariables() => ExpectErrors(
        """
            query Q($s: String, $ss: String!, $d: String = "x") {
              complicatedArgs {
                a: oneOfArgField(oneOfArg: { stringField: $s })
                b: oneOfArgField(oneOfArg: { stringField: $ss })
                c: oneOfArgField(oneOfArg: { stringField: $d })
              }
            }
            """,
        Error("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 9), (3, 47)),
        Error("Variable \"$d\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 35), (5, 47)));

    [Fact]
    public void UnknownTypesAreIgnored() => ExpectValid(
        """
            query Q($u: Unknown, $i: Int) { complicatedArgs { intArgField(intArg: $u) unknown(a: $i) } }
            """);
}
