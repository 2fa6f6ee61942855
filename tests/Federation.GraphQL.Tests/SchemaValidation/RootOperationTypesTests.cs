using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Xunit;
using static Federation.GraphQL.Tests.SchemaValidation.SchemaValidationHarness;
using static Federation.GraphQL.Tests.SchemaValidation.TypeFactory;

namespace Federation.GraphQL.Tests.SchemaValidation;

public sealed class RootOperationTypesTests
{
    [Fact]
    public void Distinct_object_root_types_are_valid() =>
        ExpectValidSchema(new Schema(
            Object("Query", Field("a", StringType)),
            Object("Mutation", Field("a", StringType)),
            Object("Subscription", Field("a", StringType))));

    [Fact]
    public void Query_root_type_is_required() =>
        ExpectSchemaErrors(
            new Schema(null, Object("Mutation", Field("a", StringType))),
            ("Query root type must be provided.", ""));

    [Fact]
    public void Root_types_must_be_different()
    {
        var query = Object("Query", Field("a", StringType));
        ExpectSchemaErrors(
            new Schema(query, query, query),
            ("All root types must be different, \"Query\" type is used as query, mutation, and subscription root types.", ""));
    }

    [Fact]
    public void Two_roots_sharing_a_type_are_listed_with_and()
    {
        var mutation = Object("Mutation", Field("a", StringType));
        ExpectSchemaErrors(
            new Schema(Object("Query", Field("a", StringType)), mutation, mutation),
            ("All root types must be different, \"Mutation\" type is used as mutation and subscription root types.", ""));
    }

    [Fact]
    public void Non_object_root_types_recorded_by_a_builder_are_reported()
    {
        var iface = Interface("I", Field("a", StringType));
        var schema = new Schema(null, types: [iface])
        {
            NonObjectRootTypes = [new(OperationType.Query, iface), new(OperationType.Subscription, iface)],
        };
        ExpectSchemaErrors(
            schema,
            ("Query root type must be Object type, it cannot be I.", ""),
            ("Subscription root type must be Object type if provided, it cannot be I.", ""));
    }
}
