using Federation.GraphQL.AspNetCore.Limits;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;

namespace Federation.GraphQL.AspNetCore.Tests;

/// <summary>A small schema with the cost directives, a mutation and a slow field.</summary>
internal static class TestSchema
{
    public const string Sdl = """
        type Query {
          hello: String
          echo(text: String!): String
          person(id: ID!): Person
          people(first: Int, last: Int): [Person] @listSize(slicingArguments: ["first", "last"])
          peopleWithDefault(first: Int = 5): [Person] @listSize(slicingArguments: ["first"])
          peopleOptional(first: Int): [Person] @listSize(slicingArguments: ["first"], requireOneSlicingArgument: false, assumedSize: 50)
          connection(first: Int): PersonConnection @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
          tags: [String]
          expensive: String @cost(weight: "25")
          search(filter: String @cost(weight: "3")): [Person] @listSize(assumedSize: 4)
          slow(milliseconds: Int!): String
          broken: String
        }

        type Person {
          id: ID!
          name: String
          friends: [Person] @listSize(assumedSize: 20)
          score: Int @cost(weight: "2.5")
        }

        type PersonConnection {
          edges: [PersonEdge]
        }

        type PersonEdge {
          node: Person
        }

        type Mutation {
          rename(name: String!): String
        }
        """;

    public static Schema Create()
    {
        var schema = SchemaBuilder.FromDocument(Parser.Parse(CostDirectives.Sdl + "\n" + Sdl, ParserOptions.Unlimited));
        schema.Bind("Query.hello", _ => ValueTask.FromResult<object?>("world"));
        schema.Bind("Query.echo", context => ValueTask.FromResult(context.Arguments["text"]));
        schema.Bind("Query.person", context => ValueTask.FromResult<object?>(new Dictionary<string, object?> { ["id"] = context.Arguments["id"], ["name"] = "Ada" }));
        schema.Bind("Query.slow", async context =>
        {
            await Task.Delay((int)context.Arguments["milliseconds"]!, context.CancellationToken);
            return "done";
        });
        schema.Bind("Query.broken", _ => throw new InvalidOperationException("broken on purpose"));
        schema.Bind("Mutation.rename", context => ValueTask.FromResult(context.Arguments["name"]));
        return schema;
    }
}
