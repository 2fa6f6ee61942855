using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class UnionMembersTests
{
    [Fact]
    public void Union_of_distinct_objects_is_valid() =>
        ExpectValidSchema(SchemaWith(new UnionType("U", () => [Object("A", Field("a", StringType)), Object("B", Field("b", StringType))])));

    [Fact]
    public void Union_must_have_a_member() =>
        ExpectSchemaErrors(
            SchemaWith(new UnionType("U", () => [])),
            ("Union type U must define one or more member types.", ""));

    [Fact]
    public void Union_member_may_be_included_once()
    {
        var member = Object("A", Field("a", StringType));
        ExpectSchemaErrors(
            SchemaWith(new UnionType("U", () => [member, member])),
            ("Union type U can only include type A once.", ""));
    }
}
