using Federation.Gateway.Platform;
using Federation.Gateway.Sharing.Storage;
using Federation.Gateway.Tests.Planning;
using Federation.Gateway.Tests.Sharing;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.Gateway.Tests.Platform;

/// <summary>The served schema: the supergraph's API schema and the platform's part, and what fails when they clash.</summary>
public sealed class PlatformGraphTests
{
    [Fact]
    public void A_supergraph_that_defines_a_platform_type_or_root_field_is_refused_naming_each_clash()
    {
        var api = SchemaBuilder.FromSdl("""
            type Query { catalogue: String person: String }
            type Mutation { revokeGrant(id: ID!): Boolean }
            type Grant { id: ID! }
            """);

        var error = Assert.Throws<InvalidOperationException>(() => Serve(api));

        Assert.Contains("type Grant, Query.catalogue, Mutation.revokeGrant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supergraph_without_mutations_or_date_scalars_gets_them_from_the_platform()
    {
        var graph = Serve(SchemaBuilder.FromSdl("type Query { person: String }"));

        Assert.NotNull(graph.Schema.MutationType?.GetField("applyForShare"));
        Assert.IsType<ScalarType>(graph.Schema.GetType("DateTime"));
        Assert.True(graph.IsRootField("Mutation", "applyForShare"));
        Assert.False(graph.IsRootField("Query", "person"));
    }

    [Fact]
    public void The_public_root_fields_are_the_catalogue_fields_of_the_served_schema()
    {
        var graph = Serve(PlanHarness.Model.ApiSchema);

        Assert.Equal(["catalogue", "catalogueResource"], PlatformGraph.PublicRootFields.Order());
        Assert.All(PlatformGraph.PublicRootFields, name => Assert.True(graph.IsRootField("Query", name)));
        Assert.Contains("ShareApplication.dueDate", graph.Coordinates);
        Assert.Contains("Mutation.revokeGrant", graph.Coordinates);
        Assert.DoesNotContain("Query.person", graph.Coordinates);
        Assert.Null(PlanHarness.Model.ApiSchema.GetType("ShareApplication"));
    }

    private static PlatformGraph Serve(Schema api) =>
        PlatformGraph.Serve(api, SharingWorld.Workflow(new InMemoryShareStore(), new ManualClock(SharingWorld.Start)));
}
