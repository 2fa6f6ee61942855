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
        a = new InputObjectType("A", () => [new InputValue("b", b) { DefaultValue = new ListValueNode([Empty]) }]);
        b = new InputObjectType("B", () => [new InputValue("a", List(a)) { DefaultValue = Empty }]);
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("f", StringType, Argument("x", a)))),
            ("Invalid circular reference. The default value of Input Object field A.b references itself via the default values of: B.a.", ""));
    }
}
