using Federation.GraphQL.Types;
using Federation.GraphQL.Types.SchemaValidation;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>A schema that is not valid is refused when the endpoint is mapped, not per request.</summary>
public sealed class SchemaAdmissionTests
{
    [Fact]
    public async Task Mapping_an_invalid_schema_fails_at_start_up_with_the_schema_errors()
    {
        var invalid = new Schema(query: null);

        var refused = await Assert.ThrowsAsync<InvalidSchemaException>(() => TestServer.StartAsync(schema: invalid));

        Assert.Equal("Query root type must be provided.", refused.Errors.Single().Message);
    }
}
