using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class DefaultValueCyclesTests
{
    private static readonly ObjectValueNode Empty = new([]);

    [Fact]
    public void Defaults_that_end_are_valid()
    {
        InputObjectType a = null!;
        a = new InputObjectType("A", () =>
        [
            new InputValue("next", a) { DefaultValue = new ObjectValueNode([new ObjectFieldNode(new NameNode("next"), new NullValueNode())]) },
            new InputValue("leaf", IntType),
        ]);
        ExpectValidSchema(SchemaWith(a));
    }

    [Fact]
    public void Default_that_reaches_itself_is_reported()
    {
        InputObjectType a = null!;
        a = new InputObjectType("A", () => [new InputValue("self", a) { DefaultValue = Empty }]);
        ExpectSchemaErrors(
            SchemaWith(a),
            ("Invalid circular reference. The default value of Input Object field A.self references itself.", ""));
    }

    [Fact]
    public void Default_that_reaches_itself_through_others_lists_them()
    {
        InputObjectType a = null!, b = null!;
        a = new InputObjectType("A", () => [new InputValue("b", List(b)) { DefaultValue = new ListValueNode([Empty]) }]);
        b = new InputObjectType("B", () => [new InputValue("a", List(a)) { DefaultValue = Empty }]);
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("f", StringType, Argument("x", a)))),
            ("Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.a.", ""));
    }

    [Fact]
    public void Sdl_defaults_that_end_are_valid() =>
        ExpectValidSchema(
            """
            type Query { a(x: A = {}): Int }
            input A { b: B = { c: null } }
            input B { c: A = {} }
            """);

    [Fact]
    public void Sdl_default_cycles() =>
        ExpectSchemaErrors(
            """
            type Query { a(x: A = {}): Int }
            input A {
              self: A = {}
              b: B = {}
              list: [A] = [{ self: null, b: null, list: [] }]
            }
            input B { a: A = { b: {} } }
            """,
            ("Invalid circular reference. The default value of Input Object field A.self references itself.", "3:13"),
            ("Invalid circular reference. The default value of Input Object field A.self references itself via the default values of: A.b, B.a.", "3:13 4:10 7:18"),
            ("Invalid circular reference. The default value of Input Object field B.a references itself.", "7:18"));

    [Fact]
    public void Sdl_default_cycle_through_list() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            input A { b: [B] = [{}] }
            input B { a: A = { b: [{}] } }
            """,
            ("Invalid circular reference. The default value of Input Object field B.a references itself.", "3:18"));
}
