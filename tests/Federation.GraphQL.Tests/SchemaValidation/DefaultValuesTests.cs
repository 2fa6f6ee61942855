using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class DefaultValuesTests
{
    [Fact]
    public void Default_written_in_code_without_location_is_reported_without_location() =>
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", StringType, new InputValue("x", IntType) { DefaultValue = new StringValueNode("one") }))),
            ("Query.a(x:) has invalid default value: Int cannot represent non-integer value: \"one\"", ""));

    [Fact]
    public void Sdl_valid_defaults() =>
        ExpectValidSchema(
            """
            type Query {
              a(i: Int = 1, f: Float = 1, s: String = "s", b: Boolean = true, id: ID = 4, e: Color = RED, l: [Int] = 1, n: Int = null, o: In = { a: 1 }, c: Choice = { a: 1 }): Int
            }
            enum Color { RED }
            input In { a: Int! b: [In] = [{ a: 2, b: null }] }
            input Choice @oneOf { a: Int b: String }
            directive @d(x: Int = 2) on FIELD
            """);

    [Fact]
    public void Sdl_invalid_scalar_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(i: Int = "1", f: Float = true, s: String = 1, b: Boolean = 0, id: ID = 1.5, big: Int = 2147483648): Int
            }
            """,
            ("Query.a(i:) has invalid default value: Int cannot represent non-integer value: \"1\"", "2:14"),
            ("Query.a(f:) has invalid default value: Float cannot represent non numeric value: true", "2:30"),
            ("Query.a(s:) has invalid default value: String cannot represent a non string value: 1", "2:48"),
            ("Query.a(b:) has invalid default value: Boolean cannot represent a non boolean value: 0", "2:64"),
            ("Query.a(id:) has invalid default value: ID cannot represent a non-string and non-integer value: 1.5", "2:76"),
            ("Query.a(big:) has invalid default value: Int cannot represent non 32-bit signed integer value: 2147483648", "2:92"));

    [Fact]
    public void Sdl_invalid_list_and_non_null_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(l: [Int!] = [1, null, "x"], n: Int! = null, nested: [[Int]] = [[1], ["a"]]): Int
            }
            """,
            ("Query.a(l:) has invalid default value at [1]: Expected value of non-null type \"Int!\" not to be null.", "2:21"),
            ("Query.a(l:) has invalid default value at [2]: Int cannot represent non-integer value: \"x\"", "2:27"),
            ("Query.a(n:) has invalid default value: Expected value of non-null type \"Int!\" not to be null.", "2:43"),
            ("Query.a(nested:) has invalid default value at [1][0]: Int cannot represent non-integer value: \"a\"", "2:74"));

    [Fact]
    public void Sdl_invalid_enum_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: Color = REDD, y: Color = "RED", z: Color = 1): Int
            }
            enum Color { RED GREEN BLUE }
            """,
            ("Query.a(x:) has invalid default value: Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?", "2:16"),
            ("Query.a(y:) has invalid default value: Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?", "2:33"),
            ("Query.a(z:) has invalid default value: Enum \"Color\" cannot represent non-enum value: 1.", "2:51"));

    [Fact]
    public void Sdl_invalid_input_object_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: In = 1, y: In = { a: 1, bb: 2 }, z: In = { b: 2 }, w: In = { a: 1, zzz: 1 }): Int
            }
            input In { a: Int! b: Int }
            """,
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" to be an object, found: 1.", "2:13"),
            ("Query.a(y:) has invalid default value: Expected value of type \"In\" not to include unknown field \"bb\". Did you mean \"b\"? Found: { a: 1, bb: 2 }.", "2:32"),
            ("Query.a(z:) has invalid default value: Expected value of type \"In\" to include required field \"a\", found: { b: 2 }.", "2:49"),
            ("Query.a(w:) has invalid default value: Expected value of type \"In\" not to include unknown field \"zzz\", found: { a: 1, zzz: 1 }.", "2:75"));

    [Fact]
    public void Sdl_invalid_nested_input_object_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: Outer = { inner: { a: "x" }, list: [{ a: 1 }, { a: true }] }): Int
            }
            input Outer { inner: In list: [In] }
            input In { a: Int }
            """,
            ("Query.a(x:) has invalid default value at .inner.a: Int cannot represent non-integer value: \"x\"", "2:30"),
            ("Query.a(x:) has invalid default value at .list[1].a: Int cannot represent non-integer value: true", "2:59"));

    [Fact]
    public void Sdl_invalid_oneOf_defaults() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: Choice = {}, y: Choice = { a: 1, b: "x" }, z: Choice = { a: null }): Int
            }
            input Choice @oneOf { a: Int b: String }
            """,
            ("Query.a(x:) has invalid default value: Within OneOf Input Object type \"Choice\", exactly one field must be specified, and the value for that field must be non-null.", "2:17"),
            ("Query.a(y:) has invalid default value: Within OneOf Input Object type \"Choice\", exactly one field must be specified, and the value for that field must be non-null.", "2:33"),
            ("Query.a(z:) has invalid default value at .a: Within OneOf Input Object type \"Choice\", exactly one field must be specified, and the value for that field must be non-null.", "2:63"));

    [Fact]
    public void Sdl_invalid_input_field_and_directive_defaults() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            input In { a: Int = "x" b: [String] = [1] }
            directive @d(x: Boolean = 1) on FIELD
            """,
            ("@d(x:) has invalid default value: Boolean cannot represent a non boolean value: 1", "3:27"),
            ("In.a has invalid default value: Int cannot represent non-integer value: \"x\"", "2:21"),
            ("In.b has invalid default value at [0]: String cannot represent a non string value: 1", "2:40"));

    [Fact]
    public void Sdl_long_values_are_printed_over_several_lines() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: In = { a: 1, bb: 2, cccccccccccccccccc: 3, dddddddddddddddddddddd: 4, eeeeeeeeeeeeeeeeeeeeeeeeeee: 5 }): Int
            }
            input In { a: Int }
            """,
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" not to include unknown field \"bb\", found: {\n  a: 1\n  bb: 2\n  cccccccccccccccccc: 3\n  dddddddddddddddddddddd: 4\n  eeeeeeeeeeeeeeeeeeeeeeeeeee: 5\n}.", "2:21"),
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" not to include unknown field \"cccccccccccccccccc\", found: {\n  a: 1\n  bb: 2\n  cccccccccccccccccc: 3\n  dddddddddddddddddddddd: 4\n  eeeeeeeeeeeeeeeeeeeeeeeeeee: 5\n}.", "2:28"),
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" not to include unknown field \"dddddddddddddddddddddd\", found: {\n  a: 1\n  bb: 2\n  cccccccccccccccccc: 3\n  dddddddddddddddddddddd: 4\n  eeeeeeeeeeeeeeeeeeeeeeeeeee: 5\n}.", "2:51"),
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" not to include unknown field \"eeeeeeeeeeeeeeeeeeeeeeeeeee\", found: {\n  a: 1\n  bb: 2\n  cccccccccccccccccc: 3\n  dddddddddddddddddddddd: 4\n  eeeeeeeeeeeeeeeeeeeeeeeeeee: 5\n}.", "2:78"));

    [Fact]
    public void Sdl_custom_scalar_accepts_any_literal() =>
        ExpectValidSchema(
            """
            scalar Json
            type Query { a(x: Json = { a: [1, "x", { b: ENUM }] }, y: [Json] = [null, 1.5]): Int }
            """);

    [Fact]
    public void Sdl_suggestions_list_close_names() =>
        ExpectSchemaErrors(
            """
            type Query {
              a(x: In = { nmae: "n" }, c: Color = red): Int
            }
            input In { name: String names: String game: String }
            enum Color { RED READ RAD GREEN }
            """,
            ("Query.a(x:) has invalid default value: Expected value of type \"In\" not to include unknown field \"nmae\". Did you mean \"name\", \"game\", or \"names\"? Found: { nmae: \"n\" }.", "2:15"),
            ("Query.a(c:) has invalid default value: Value \"red\" does not exist in \"Color\" enum. Did you mean the enum value \"RAD\", \"READ\", or \"RED\"?", "2:39"));
}
