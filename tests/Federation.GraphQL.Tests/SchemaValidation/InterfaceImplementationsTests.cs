using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class InterfaceImplementationsTests
{
    [Fact]
    public void Covariant_fields_and_equal_arguments_are_valid()
    {
        InterfaceType node = null!;
        ObjectType user = null!;
        node = new InterfaceType("Node", () => [Field("id", StringType), Field("self", node, Argument("x", IntType))]);
        var named = new InterfaceType("Named", () => [Field("id", StringType), Field("self", node, Argument("x", IntType))], () => [node]);
        user = new ObjectType(
            "User",
            () => [Field("id", NonNull(StringType)), Field("self", NonNull(user), Argument("x", IntType), Argument("extra", StringType))],
            () => [node, named]);
        ExpectValidSchema(SchemaWith(user));
    }

    [Fact]
    public void Implementation_must_provide_each_interface_field()
    {
        var iface = Interface("I", Field("a", StringType), Field("b", StringType));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface], Field("a", StringType))),
            ("Interface field I.b expected but T does not provide it.", ""));
    }

    [Fact]
    public void Field_type_must_be_a_sub_type()
    {
        var iface = Interface("I", Field("a", NonNull(StringType)), Field("b", List(StringType)));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface], Field("a", StringType), Field("b", StringType))),
            ("Interface field I.a expects type String! but T.a is type String.", ""),
            ("Interface field I.b expects type [String] but T.b is type String.", ""));
    }

    [Fact]
    public void Field_arguments_must_be_present_and_of_equal_type()
    {
        var iface = Interface("I", Field("a", StringType, Argument("x", IntType), Argument("y", IntType)));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface], Field("a", StringType, Argument("x", NonNull(IntType))))),
            ("Interface field argument I.a(x:) expects type Int but T.a(x:) is type Int!.", ""),
            ("Interface field argument I.a(y:) expected but T.a does not provide it.", ""));
    }

    [Fact]
    public void Extra_arguments_must_be_optional()
    {
        var iface = Interface("I", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface], Field("a", StringType, Argument("x", NonNull(IntType))))),
            ("Argument \"T.a(x:)\" must not be required type \"Int!\" if not provided by the Interface field \"I.a\".", ""));
    }

    [Fact]
    public void Implementation_field_may_be_deprecated_only_when_the_interface_field_is()
    {
        var iface = Interface("I", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface], new OutputField("a", StringType) { DeprecationReason = "old" })),
            ("Interface field I.a is not deprecated, so implementation field T.a must not be deprecated.", ""));
    }

    [Fact]
    public void Interface_may_be_implemented_once()
    {
        var iface = Interface("I", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [iface, iface], Field("a", StringType))),
            ("Type T can only implement I once.", ""));
    }

    [Fact]
    public void Interface_must_not_implement_itself()
    {
        InterfaceType self = null!;
        self = Interface("I", () => [self], Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(self),
            ("Type I cannot implement itself because it would create a circular reference.", ""));
    }

    [Fact]
    public void Transitive_interfaces_must_be_implemented()
    {
        var root = Interface("Root", Field("a", StringType));
        var child = Interface("Child", () => [root], Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(Object("T", () => [child], Field("a", StringType))),
            ("Type T must implement Root because it is implemented by Child.", ""));
    }

    [Fact]
    public void Interfaces_implementing_each_other_are_circular()
    {
        InterfaceType a = null!, b = null!;
        a = Interface("A", () => [b], Field("f", StringType));
        b = Interface("B", () => [a], Field("f", StringType));
        ExpectSchemaErrors(
            SchemaWith(a),
            ("Type A cannot implement B because it would create a circular reference.", ""),
            ("Type B cannot implement A because it would create a circular reference.", ""));
    }

    [Fact]
    public void Sdl_valid_implementations() =>
        ExpectValidSchema(
            """
            type Query { node: Node }
            interface Node { id: ID! self(depth: Int): Node }
            interface Resource implements Node { id: ID! self(depth: Int): Resource url: String @deprecated }
            type Page implements Node & Resource {
              id: ID!
              self(depth: Int, extra: String): Page!
              url: String @deprecated
            }
            type Other implements Node { id: ID! self(depth: Int): Node }
            """);

    [Fact]
    public void Sdl_missing_interface_field() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { id: ID! name: String }
            type User implements Node { id: ID! }
            extend type User { age: Int }
            """,
            ("Interface field Node.name expected but User does not provide it.", "2:26 3:1 4:1"));

    [Fact]
    public void Sdl_field_type_not_a_sub_type() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { id: ID! friend: Node list: [Node] }
            type User implements Node { id: ID friend: Query list: Node }
            """,
            ("Interface field Node.id expects type ID! but User.id is type ID.", "2:22 3:33"),
            ("Interface field Node.friend expects type Node but User.friend is type Query.", "2:34 3:44"),
            ("Interface field Node.list expects type [Node] but User.list is type Node.", "2:45 3:56"));

    [Fact]
    public void Sdl_interface_field_arguments() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { field(a: Int, b: String!): Int }
            type User implements Node { field(a: Int!, c: Int!, d: Int = 1, e: String): Int }
            """,
            ("Interface field argument Node.field(a:) expects type Int but User.field(a:) is type Int!.", "2:27 3:38"),
            ("Interface field argument Node.field(b:) expected but User.field does not provide it.", "2:32 3:29"),
            ("Argument \"User.field(c:)\" must not be required type \"Int!\" if not provided by the Interface field \"Node.field\".", "3:44 2:18"));

    [Fact]
    public void Sdl_deprecated_implementation_field() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { id: ID }
            type User implements Node { id: ID @deprecated(reason: "use key") }
            """,
            ("Interface field Node.id is not deprecated, so implementation field User.id must not be deprecated.", "3:36 3:33"));

    [Fact]
    public void Sdl_interface_implemented_twice() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { id: ID }
            type User implements Node & Node { id: ID }
            extend type User implements Node
            """,
            ("Type User can only implement Node once.", "3:22 3:29 4:29"),
            ("Type User can only implement Node once.", "3:22 3:29 4:29"));

    [Fact]
    public void Sdl_interface_implementing_itself() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node implements Node { id: ID }
            """,
            ("Type Node cannot implement itself because it would create a circular reference.", "2:27"));

    [Fact]
    public void Sdl_transitive_interfaces() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Root { id: ID }
            interface Child implements Root { id: ID }
            type User implements Child { id: ID }
            """,
            ("Type User must implement Root because it is implemented by Child.", "3:28 4:22"));

    [Fact]
    public void Sdl_interface_cycle() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface A implements B { id: ID }
            interface B implements A { id: ID }
            """,
            ("Type A cannot implement B because it would create a circular reference.", "3:24 2:24"),
            ("Type B cannot implement A because it would create a circular reference.", "2:24 3:24"));

    [Fact]
    public void Sdl_implementations_from_extensions_are_located() =>
        ExpectSchemaErrors(
            """
            type Query { a: Int }
            interface Node { id: ID }
            interface Named implements Node { id: ID name: String }
            type User { id: ID }
            extend type User implements Named
            """,
            ("Type User must implement Node because it is implemented by Named.", "3:28 5:29"),
            ("Interface field Named.name expected but User does not provide it.", "3:42 4:1 5:1"));

    [Fact]
    public void Only_interfaces_may_be_implemented()
    {
        var iface = Interface("I", Field("a", StringType));
        var scalar = new ScalarType("Custom");
        var type = new ObjectType("T", () => [Field("a", StringType)], () => [iface])
        {
            DeclaredInterfaces = () => [scalar, iface],
        };
        ExpectSchemaErrors(
            SchemaWith(type, scalar),
            ("Type T must only implement Interface types, it cannot implement Custom.", ""));
    }

    [Fact]
    public void Non_interfaces_named_by_an_interface_are_transitive_too()
    {
        var scalar = new ScalarType("Custom");
        var iface = new InterfaceType("I", () => [Field("a", StringType)]) { DeclaredInterfaces = () => [scalar] };
        ExpectSchemaErrors(
            SchemaWith(iface, Object("T", () => [iface], Field("a", StringType)), scalar),
            ("Type I must only implement Interface types, it cannot implement Custom.", ""),
            ("Type T must implement Custom because it is implemented by I.", ""));
    }

    [Fact]
    public void Extensions_from_another_document_are_located_in_it()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(
            """
            type Query { test: AnotherObject }
            interface AnotherInterface { field: String }
            type AnotherObject implements AnotherInterface { field: String }
            """));
        schema = SchemaBuilder.Extend(schema, Parser.Parse(
            """
            extend interface AnotherInterface {
              newField(test: Boolean): String
              other: String
            }
            extend type AnotherObject {
              newField: String
            }
            extend type AnotherObject implements AnotherInterface
            """));
        ExpectSchemaErrors(
            schema,
            ("Interface field argument AnotherInterface.newField(test:) expected but AnotherObject.newField does not provide it.", "2:12 6:3"),
            ("Interface field AnotherInterface.other expected but AnotherObject does not provide it.", "3:3 3:1 5:1 8:1"),
            ("Type AnotherObject can only implement AnotherInterface once.", "3:31 8:38"));
    }
}
