using Federation.GraphQL.Introspection;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;

namespace Federation.GraphQL.Tests.Introspection;

/// <summary>The introspection query text and the meta-fields, against graphql-js 17.1.0.</summary>
public sealed class IntrospectionQueryTests
{
    [Fact]
    public void The_default_query_is_graphql_js_getIntrospectionQuery_character_for_character()
    {
        // Expected lines as graphql-js writes them; the text also keeps graphql-js's trailing
        // spaces on the lines of left-out options, which the length pins.
        Assert.Equal(
            """

                query IntrospectionQuery {
                  __schema {

                    queryType { name kind }
                    mutationType { name kind }
                    subscriptionType { name kind }
                    types {
                      ...FullType
                    }
                    directives {
                      name
                      description



                      locations
                      args {
                        ...InputValue
                      }
                    }
                  }
                }

                fragment FullType on __Type {
                  kind
                  name
                  description


                  fields(includeDeprecated: true) {
                    name
                    description
                    args {
                      ...InputValue
                    }
                    type {
                      ...TypeRef
                    }
                    isDeprecated
                    deprecationReason
                  }
                  inputFields {
                    ...InputValue
                  }
                  interfaces {
                    ...TypeRef
                  }
                  enumValues(includeDeprecated: true) {
                    name
                    description
                    isDeprecated
                    deprecationReason
                  }
                  possibleTypes {
                    ...TypeRef
                  }
                }

                fragment InputValue on __InputValue {
                  name
                  description
                  type { ...TypeRef }
                  defaultValue


                }

                fragment TypeRef on __Type {
                  kind
                  name
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                        ofType {
                          name
                          kind
                          ofType {
                            name
                            kind
                            ofType {
                              name
                              kind
                              ofType {
                                name
                                kind
                                ofType {
                                  name
                                  kind
                                  ofType {
                                    name
                                    kind
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }

            """,
            string.Join("\n", IntrospectionQuery.Text.Split('\n').Select(line => line.TrimEnd())));
        Assert.Equal(1927, IntrospectionQuery.Text.Length);
    }

    [Fact]
    public void The_full_query_asks_for_everything_graphql_js_can_tell()
    {
        Assert.Equal(2129, IntrospectionQuery.Full.Length);
        Assert.Contains("directives(includeDeprecated: true) {", IntrospectionQuery.Full, StringComparison.Ordinal);
        Assert.Contains("isOneOf", IntrospectionQuery.Full, StringComparison.Ordinal);
        Assert.Contains("specifiedByURL", IntrospectionQuery.Full, StringComparison.Ordinal);
        Assert.DoesNotContain("isOneOf", IntrospectionQuery.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_and_type_meta_fields_exist_only_on_the_query_type()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Other } type Other { b: Int } union U = Other");
        var other = (ObjectType)schema.GetType("Other")!;

        Assert.Same(IntrospectionFields.Schema, IntrospectionFields.GetField(schema, schema.QueryType!, "__schema"));
        Assert.Same(IntrospectionFields.Type, IntrospectionFields.GetField(schema, schema.QueryType!, "__type"));
        Assert.Null(IntrospectionFields.GetField(schema, other, "__schema"));
        Assert.Null(IntrospectionFields.GetField(schema, other, "__type"));
        Assert.Same(IntrospectionFields.TypeName, IntrospectionFields.GetField(schema, schema.GetType("U")!, "__typename"));
        Assert.Same(other.GetField("b"), IntrospectionFields.GetField(schema, other, "b"));
        Assert.Null(IntrospectionFields.GetField(schema, schema.GetType("U")!, "b"));
    }

    [Fact]
    public void Meta_fields_are_described_as_graphql_js_describes_them()
    {
        Assert.Equal("__schema: __Schema!", IntrospectionFields.Schema.ToString());
        Assert.Equal("__type: __Type", IntrospectionFields.Type.ToString());
        Assert.Equal("name: String!", IntrospectionFields.Type.Arguments.Single().ToString());
        Assert.Equal("__typename: String!", IntrospectionFields.TypeName.ToString());
        Assert.Equal("The name of the current Object type at runtime.", IntrospectionFields.TypeName.Description);
    }

    [Fact]
    public void Introspection_types_are_listed_in_graphql_js_order()
    {
        Assert.Equal(
            ["__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"],
            IntrospectionTypes.All.Select(t => t.Name));
        Assert.All(IntrospectionTypes.All, t => Assert.True(t.IsIntrospectionType));
    }
}
