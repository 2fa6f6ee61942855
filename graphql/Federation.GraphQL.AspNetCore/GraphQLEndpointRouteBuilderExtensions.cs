using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.AspNetCore.GraphiQL;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.SchemaValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Federation.GraphQL.AspNetCore;

public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> over HTTP at <paramref name="pattern"/> (GET and POST, per
    /// GraphQL-over-HTTP), with the GraphiQL page for browsers and its files under
    /// <c>{pattern}/graphiql/</c>.
    /// <code>app.MapGraphQL("/graphql", schema, options => options.EnableIntrospection = false);</code>
    /// An invalid schema is refused here, at start-up, with every schema error
    /// (<see cref="InvalidSchemaException"/>), rather than failing each request later.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Schema schema,
        Action<GraphQLEndpointOptions>? configure = null)
    {
        var options = new GraphQLEndpointOptions();
        configure?.Invoke(options);
        return endpoints.MapGraphQL(pattern, schema, options, new FederationEngine(options));
    }

    /// <summary>
    /// Serves whichever schema <paramref name="currentSchema"/> returns at the time of each request,
    /// so a service can swap its schema without a restart (a gateway reloading its supergraph). Each
    /// schema gets its own document cache and cost analysis, made the first time it is served; a
    /// request runs wholly against the schema it started with. The schema at mapping time must be valid.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Func<Schema> currentSchema,
        Action<GraphQLEndpointOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(currentSchema);
        var options = new GraphQLEndpointOptions();
        configure?.Invoke(options);
        var engine = new FederationEngine(options);
        var first = currentSchema();
        SchemaValidator.AssertValid(first);
        var served = new GraphQLEndpoint(first, options, engine);
        return endpoints.MapGraphQL(pattern, options, context =>
        {
            var schema = currentSchema();
            var endpoint = Volatile.Read(ref served);
            if (!ReferenceEquals(endpoint.Schema, schema))
            {
                endpoint = new GraphQLEndpoint(schema, options, engine);
                Volatile.Write(ref served, endpoint);
            }

            return endpoint.HandleAsync(context);
        });
    }

    internal static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        Schema schema,
        GraphQLEndpointOptions options,
        IGraphQLEngine engine)
    {
        SchemaValidator.AssertValid(schema);
        var endpoint = new GraphQLEndpoint(schema, options, engine);
        return endpoints.MapGraphQL(pattern, options, endpoint.HandleAsync);
    }

    private static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        string pattern,
        GraphQLEndpointOptions options,
        RequestDelegate handle)
    {
        var builders = new List<IEndpointConventionBuilder>
        {
            endpoints.Map(pattern, handle).WithDisplayName("GraphQL " + pattern),
        };
        if (options.EnableGraphiQL)
        {
            builders.Add(endpoints.MapGet(
                pattern.TrimEnd('/') + "/" + GraphiQLPage.AssetFolder + "/{file}",
                (HttpContext context, string file) => GraphiQLPage.WriteAssetAsync(context, file)));
        }

        return new CompositeConventionBuilder(builders);
    }

    /// <summary>Applies conventions (authorization, CORS, rate limiting) to every route of the endpoint.</summary>
    private sealed class CompositeConventionBuilder(List<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders)
            {
                builder.Add(convention);
            }
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders)
            {
                builder.Finally(finallyConvention);
            }
        }
    }
}
