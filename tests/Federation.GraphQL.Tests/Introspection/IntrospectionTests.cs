using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.Testing;
using Xunit;

namespace Federation.GraphQL.Tests.Introspection;

/// <summary>
/// Introspection of a schema through the introspection types' resolvers. Each expected JSON, in the
/// test's snapshot (<c>__snapshots__/</c>), is what graphql-js 17.1.0 answered to the same query against the same SDL.
/// </summary>
public sealed class IntrospectionTests
{
    private static readonly Schema Sample = SchemaBuilder.FromSdl(
        """"
        """The root"""
        type Query implements Node {
          id: ID!
          "a person"
          person(id: ID!, filter: Filter = {name: "x", tags: ["a", "b"]}, old: Int @deprecated(reason: "use id")): Person
          search(term: String = "x\ny", kinds: [Kind!]! = [PERSON]): [SearchResult]
          legacy: String @deprecated
        }

        interface Node { id: ID! }

        interface Named implements Node { id: ID! name: String }

        type Person implements Named & Node {
          id: ID!
          name: String
          born: Date
        }

        type Org implements Node { id: ID! }

        union SearchResult = Person | Org

        enum Kind {
          "people"
          PERSON
          ORG @deprecated(reason: "gone")
        }

        """
        Filters
        """
        input Filter {
          name: String
          tags: [String!] = []
          nested: Filter
          old: Int @deprecated
        }

        scalar Date @specifiedBy(url: "https://example.com/date")

        "A directive"
        directive @tag(name: String! = "t", empty: Filter = {}) repeatable on FIELD_DEFINITION | OBJECT

        directive @old @deprecated(reason: "no") on FIELD

        type Mutation { do(x: Float = 1.5, y: Boolean = true, z: Kind = ORG): Boolean }

        input Choice @oneOf { a: Int b: String }
        extend type Query { choose(c: Choice): Int }
        """");

    [Fact]
    public void Type_describes_fields_arguments_defaults_and_wrappers() =>
        ExpectIntrospection(
            """
            {
              __type(name: "Query") {
                kind
                name
                fields {
                  name
                  args { name defaultValue isDeprecated deprecationReason type { kind name ofType { kind name } } }
                }
                interfaces { name }
                possibleTypes { name }
                enumValues { name }
                inputFields { name }
                ofType { name }
                specifiedByURL
                isOneOf
              }
            }
            """);

    [Fact]
    public void Type_describes_abstract_types_enums_input_objects_and_scalars() =>
        ExpectIntrospection(
            """
            {
              node: __type(name: "Node") { kind possibleTypes { name } fields { name } }
              search: __type(name: "SearchResult") { kind possibleTypes { name } }
              kind: __type(name: "Kind") { enumValues { name isDeprecated } all: enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } }
              filter: __type(name: "Filter") { inputFields { name defaultValue } all: inputFields(includeDeprecated: true) { name isDeprecated } isOneOf }
              choice: __type(name: "Choice") { isOneOf }
              date: __type(name: "Date") { kind specifiedByURL }
              missing: __type(name: "Missing") { name }
              __typename
            }
            """);

    [Fact]
    public void Schema_describes_roots_and_directives() =>
        ExpectIntrospection(
            """
            {
              __schema {
                description
                queryType { name }
                mutationType { name }
                subscriptionType { name }
                directives { name isRepeatable locations args { name defaultValue } }
                deprecated: directives(includeDeprecated: true) { name isDeprecated deprecationReason }
              }
            }
            """);

    /// <summary>The answer, as the snapshot <c>__snapshots__/IntrospectionTests.{test}.snap</c> beside this file holds it.</summary>
    private static void ExpectIntrospection([StringSyntax("graphql")] string query) =>
        Snapshots.Match(IntrospectionRunner.Run(Sample, query));
}
