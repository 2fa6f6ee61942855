using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Values of correct type, including OneOf input objects.</summary>
public sealed class ValuesOfCorrectTypeTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.ValuesOfCorrectType];

    [Fact]
    public void GoodValues() => ExpectValid(
        """
            {
              complicatedArgs {
                a: intArgField(intArg: 2)
                b: stringArgField(stringArg: "foo")
                c: booleanArgField(booleanArg: true)
                d: enumArgField(enumArg: BROWN)
                e: floatArgField(floatArg: 1.1)
                f: floatArgField(floatArg: 1)
                g: idArgField(idArg: 1)
                h: idArgField(idArg: "someIdString")
                i: stringListArgField(stringListArg: ["one", null, "two"])
                j: stringListArgField(stringListArg: "one")
                k: complexArgField(complexArg: { requiredField: true, stringListField: ["one"] })
                l: intArgField(intArg: null)
                m: oneOfArgField(oneOfArg: { stringField: "abc" })
                n: complexArgField(complexArg: { requiredField: true, nonNullField: false })
              }
            }
            """);

    [Fact]
    public void InvalidStrings() => ExpectErrors(
        """
            { complicatedArgs { a: stringArgField(stringArg: 1) b: stringArgField(stringArg: 1.0) c: stringArgField(stringArg: true) d: stringArgField(stringArg: BAR) } }
            """,
        Error("String cannot represent a non string value: 1", (1, 50)),
        Error("String cannot represent a non string value: 1.0", (1, 82)),
        Error("String cannot represent a non string value: true", (1, 116)),
        Error("String cannot represent a non string value: BAR", (1, 151)));

    [Fact]
    public void InvalidInts() => ExpectErrors(
        """
            { complicatedArgs { a: intArgField(intArg: "3") b: intArgField(intArg: 829384293849283498239482938) c: intArgField(intArg: FOO) d: intArgField(intArg: 3.0) e: intArgField(intArg: 3.333) } }
            """,
        Error("Int cannot represent non-integer value: \"3\"", (1, 44)),
        Error("Int cannot represent non 32-bit signed integer value: 829384293849283498239482938", (1, 72)),
        Error("Int cannot represent non-integer value: FOO", (1, 124)),
        Error("Int cannot represent non-integer value: 3.0", (1, 152)),
        Error("Int cannot represent non-integer value: 3.333", (1, 180)));

    [Fact]
    public void InvalidFloats() => ExpectErrors(
        """
            { complicatedArgs { a: floatArgField(floatArg: "3.333") b: floatArgField(floatArg: true) c: floatArgField(floatArg: FOO) } }
            """,
        Error("Float cannot represent non numeric value: \"3.333\"", (1, 48)),
        Error("Float cannot represent non numeric value: true", (1, 84)),
        Error("Float cannot represent non numeric value: FOO", (1, 117)));

    [Fact]
    public void InvalidBooleans() => ExpectErrors(
        """
            { complicatedArgs { a: booleanArgField(booleanArg: 2) b: booleanArgField(booleanArg: 1.0) c: booleanArgField(booleanArg: "true") d: booleanArgField(booleanArg: TRUE) } }
            """,
        Error("Boolean cannot represent a non boolean value: 2", (1, 52)),
        Error("Boolean cannot represent a non boolean value: 1.0", (1, 86)),
        Error("Boolean cannot represent a non boolean value: \"true\"", (1, 122)),
        Error("Boolean cannot represent a non boolean value: TRUE", (1, 161)));

    [Fact]
    public void InvalidIds() => ExpectErrors(
        """
            { complicatedArgs { a: idArgField(idArg: 1.0) b: idArgField(idArg: true) c: idArgField(idArg: SOMETHING) } }
            """,
        Error("ID cannot represent a non-string and non-integer value: 1.0", (1, 42)),
        Error("ID cannot represent a non-string and non-integer value: true", (1, 68)),
        Error("ID cannot represent a non-string and non-integer value: SOMETHING", (1, 95)));

    [Fact]
    public void InvalidEnums() => ExpectErrors(
        """
            {
              dog {
                a: doesKnowCommand(dogCommand: 2)
                b: doesKnowCommand(dogCommand: 1.0)
                c: doesKnowCommand(dogCommand: "SIT")
                d: doesKnowCommand(dogCommand: TRUE)
                e: doesKnowCommand(dogCommand: JUGGLE)
                f: doesKnowCommand(dogCommand: sit)
                g: doesKnowCommand(dogCommand: null)
              }
            }
            """,
        Error("Enum \"DogCommand\" cannot represent non-enum value: 2.", (3, 36)),
        Error("Enum \"DogCommand\" cannot represent non-enum value: 1.0.", (4, 36)),
        Error("Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"?", (5, 36)),
        Error("Value \"TRUE\" does not exist in \"DogCommand\" enum.", (6, 36)),
        Error("Value \"JUGGLE\" does not exist in \"DogCommand\" enum.", (7, 36)),
        Error("Value \"sit\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?", (8, 36)));

    [Fact]
    public void InvalidLists() => ExpectErrors(
        """
            { complicatedArgs { a: stringListArgField(stringListArg: ["one", 2]) b: stringListArgField(stringListArg: 1) c: stringListNonNullArgField(stringListNonNullArg: ["one", null]) } }
            """,
        Error("String cannot represent a non string value: 2", (1, 66)),
        Error("String cannot represent a non string value: 1", (1, 107)),
        Error("Expected value of non-null type \"String!\" not to be null.", (1, 169)));

    [Fact]
    public void NonNullArguments() => ExpectErrors(
        """
            { complicatedArgs { a: multipleReqs(req1: null, req2: 2) b: nonNullIntArgField(nonNullIntArg: "x") } dog { isHouseTrained(atOtherHomes: null) } }
            """,
        Error("Expected value of non-null type \"Int!\" not to be null.", (1, 43)),
        Error("Int cannot represent non-integer value: \"x\"", (1, 95)));

    [Fact]
    public void InputObjects() => ExpectErrors(
        """
            {
              complicatedArgs {
                a: complexArgField(complexArg: { intField: 4 })
                b: complexArgField(complexArg: { stringListField: ["one", 2], requiredField: true })
                c: complexArgField(complexArg: { requiredField: true, nonNullField: null })
                d: complexArgField(complexArg: { requiredField: true, invalidField: "value" })
                e: complexArgField(complexArg: { requiredField: true, unknown: 1 })
                f: complexArgField(complexArg: "notAnObject")
              }
            }
            """,
        Error("Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: { intField: 4 }.", (3, 36)),
        Error("String cannot represent a non string value: 2", (4, 63)),
        Error("Expected value of non-null type \"Boolean!\" not to be null.", (5, 73)),
        Error("Expected value of type \"ComplexInput\" not to include unknown field \"invalidField\". Did you mean \"intField\"? Found: { requiredField: true, invalidField: \"value\" }.", (6, 59)),
        Error("Expected value of type \"ComplexInput\" not to include unknown field \"unknown\", found: { requiredField: true, unknown: 1 }.", (7, 59)),
        Error("Expected value of type \"ComplexInput\" to be an object, found: \"notAnObject\".", (8, 36)));

    [Fact]
    public void OneOfInputObjects() => ExpectErrors(
        """
            {
              complicatedArgs {
                a: oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 })
                b: oneOfArgField(oneOfArg: { stringField: null })
                c: oneOfArgField(oneOfArg: {})
                d: oneOfArgField(oneOfArg: { stringField: $var })
                e: oneOfArgField(oneOfArg: { stringField: "a", unknown: 1 })
              }
            }
            """,
        Error("Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.", (3, 32)),
        Error("Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.", (4, 32)),
        Error("Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.", (5, 32)),
        Error("Expected value of type \"OneOfInput\" not to include unknown field \"unknown\", found: { stringField: \"a\", unknown: 1 }.", (7, 52)));

    [Fact]
    public void DirectiveArguments() => ExpectErrors(
        """
            { dog @include(if: "yes") { name @skip(if: ENUM) } }
            """,
        Error("Boolean cannot represent a non boolean value: \"yes\"", (1, 20)),
        Error("Boolean cannot represent a non boolean value: ENUM", (1, 44)));

    [Fact]
    public void VariableDefaults() => ExpectErrors(
        """
            query ($a: Int = 1, $b: String = "ok", $c: ComplexInput = { requiredField: true, intField: 3 }, $d: Int! = "x", $e: [Int] = ["one"], $f: ComplexInput = { intField: 3 }) {
              dog { name }
            }
            """,
        Error("Int cannot represent non-integer value: \"x\"", (1, 108)),
        Error("Int cannot represent non-integer value: \"one\"", (1, 126)),
        Error("Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: { intField: 3 }.", (1, 153)));

    [Fact]
    public void LongValuesArePrintedOnSeveralLines() => ExpectErrors(
        """
            { complicatedArgs { complexArgField(complexArg: { requiredField: true, stringField: "a long long long long long string", unknownFieldWithALongName: [1, 2, 3] }) } }
            """,
        Error("Expected value of type \"ComplexInput\" not to include unknown field \"unknownFieldWithALongName\", found: {\n  requiredField: true\n  stringField: \"a long long long long long string\"\n  unknownFieldWithALongName: [1, 2, 3]\n}.", (1, 122)));

    [Fact]
    public void ScalarsSeeLiteralsWithoutVariables() => ExpectErrors(
        """
            { complicatedArgs { a: intArgField(intArg: { x: $v, y: 1 }) b: stringArgField(stringArg: [$v, 1]) c: enumArgField(enumArg: [[{ a: $v }, $v]]) } }
            """,
        Error("Int cannot represent non-integer value: { y: 1 }", (1, 44)),
        Error("String cannot represent a non string value: [null, 1]", (1, 90)),
        Error("Enum \"FurColor\" cannot represent non-enum value: [[{  }, null]].", (1, 124)));

    [Fact]
    public void VariablesInsideLiteralsAreAssumedValid() => ExpectValid(
        """
            { complicatedArgs { a: complexArgField(complexArg: { requiredField: $a, stringListField: [$b] }) b: nonNullIntArgField(nonNullIntArg: $c) } }
            """);
}
