using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;

namespace Federation.GraphQL.Tests.Introspection;

/// <summary>
/// Introspection of a schema through the introspection types' resolvers. Each expected JSON is
/// what graphql-js 17.1.0 answered to the same query against the same SDL.
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
            """,
            """
            {
              "__type": {
                "kind": "OBJECT",
                "name": "Query",
                "fields": [
                  {
                    "name": "id",
                    "args": []
                  },
                  {
                    "name": "person",
                    "args": [
                      {
                        "name": "id",
                        "defaultValue": null,
                        "isDeprecated": false,
                        "deprecationReason": null,
                        "type": {
                          "kind": "NON_NULL",
                          "name": null,
                          "ofType": {
                            "kind": "SCALAR",
                            "name": "ID"
                          }
                        }
                      },
                      {
                        "name": "filter",
                        "defaultValue": "{ name: \"x\", tags: [\"a\", \"b\"] }",
                        "isDeprecated": false,
                        "deprecationReason": null,
                        "type": {
                          "kind": "INPUT_OBJECT",
                          "name": "Filter",
                          "ofType": null
                        }
                      }
                    ]
                  },
                  {
                    "name": "search",
                    "args": [
                      {
                        "name": "term",
                        "defaultValue": "\"x\\ny\"",
                        "isDeprecated": false,
                        "deprecationReason": null,
                        "type": {
                          "kind": "SCALAR",
                          "name": "String",
                          "ofType": null
                        }
                      },
                      {
                        "name": "kinds",
                        "defaultValue": "[PERSON]",
                        "isDeprecated": false,
                        "deprecationReason": null,
                        "type": {
                          "kind": "NON_NULL",
                          "name": null,
                          "ofType": {
                            "kind": "LIST",
                            "name": null
                          }
                        }
                      }
                    ]
                  },
                  {
                    "name": "choose",
                    "args": [
                      {
                        "name": "c",
                        "defaultValue": null,
                        "isDeprecated": false,
                        "deprecationReason": null,
                        "type": {
                          "kind": "INPUT_OBJECT",
                          "name": "Choice",
                          "ofType": null
                        }
                      }
                    ]
                  }
                ],
                "interfaces": [
                  {
                    "name": "Node"
                  }
                ],
                "possibleTypes": null,
                "enumValues": null,
                "inputFields": null,
                "ofType": null,
                "specifiedByURL": null,
                "isOneOf": null
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
            """,
            """
            {
              "node": {
                "kind": "INTERFACE",
                "possibleTypes": [
                  {
                    "name": "Query"
                  },
                  {
                    "name": "Person"
                  },
                  {
                    "name": "Org"
                  }
                ],
                "fields": [
                  {
                    "name": "id"
                  }
                ]
              },
              "search": {
                "kind": "UNION",
                "possibleTypes": [
                  {
                    "name": "Person"
                  },
                  {
                    "name": "Org"
                  }
                ]
              },
              "kind": {
                "enumValues": [
                  {
                    "name": "PERSON",
                    "isDeprecated": false
                  }
                ],
                "all": [
                  {
                    "name": "PERSON",
                    "description": "people",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "ORG",
                    "description": null,
                    "isDeprecated": true,
                    "deprecationReason": "gone"
                  }
                ]
              },
              "filter": {
                "inputFields": [
                  {
                    "name": "name",
                    "defaultValue": null
                  },
                  {
                    "name": "tags",
                    "defaultValue": "[]"
                  },
                  {
                    "name": "nested",
                    "defaultValue": null
                  }
                ],
                "all": [
                  {
                    "name": "name",
                    "isDeprecated": false
                  },
                  {
                    "name": "tags",
                    "isDeprecated": false
                  },
                  {
                    "name": "nested",
                    "isDeprecated": false
                  },
                  {
                    "name": "old",
                    "isDeprecated": true
                  }
                ],
                "isOneOf": false
              },
              "choice": {
                "isOneOf": true
              },
              "date": {
                "kind": "SCALAR",
                "specifiedByURL": "https://example.com/date"
              },
              "missing": null,
              "__typename": "Query"
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
            """,
            """
            {
              "__schema": {
                "description": null,
                "queryType": {
                  "name": "Query"
                },
                "mutationType": {
                  "name": "Mutation"
                },
                "subscriptionType": null,
                "directives": [
                  {
                    "name": "tag",
                    "isRepeatable": true,
                    "locations": [
                      "FIELD_DEFINITION",
                      "OBJECT"
                    ],
                    "args": [
                      {
                        "name": "name",
                        "defaultValue": "\"t\""
                      },
                      {
                        "name": "empty",
                        "defaultValue": "{  }"
                      }
                    ]
                  },
                  {
                    "name": "include",
                    "isRepeatable": false,
                    "locations": [
                      "FIELD",
                      "FRAGMENT_SPREAD",
                      "INLINE_FRAGMENT"
                    ],
                    "args": [
                      {
                        "name": "if",
                        "defaultValue": null
                      }
                    ]
                  },
                  {
                    "name": "skip",
                    "isRepeatable": false,
                    "locations": [
                      "FIELD",
                      "FRAGMENT_SPREAD",
                      "INLINE_FRAGMENT"
                    ],
                    "args": [
                      {
                        "name": "if",
                        "defaultValue": null
                      }
                    ]
                  },
                  {
                    "name": "deprecated",
                    "isRepeatable": false,
                    "locations": [
                      "FIELD_DEFINITION",
                      "ARGUMENT_DEFINITION",
                      "INPUT_FIELD_DEFINITION",
                      "ENUM_VALUE",
                      "DIRECTIVE_DEFINITION"
                    ],
                    "args": [
                      {
                        "name": "reason",
                        "defaultValue": "\"No longer supported\""
                      }
                    ]
                  },
                  {
                    "name": "specifiedBy",
                    "isRepeatable": false,
                    "locations": [
                      "SCALAR"
                    ],
                    "args": [
                      {
                        "name": "url",
                        "defaultValue": null
                      }
                    ]
                  },
                  {
                    "name": "oneOf",
                    "isRepeatable": false,
                    "locations": [
                      "INPUT_OBJECT"
                    ],
                    "args": []
                  }
                ],
                "deprecated": [
                  {
                    "name": "tag",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "old",
                    "isDeprecated": true,
                    "deprecationReason": "no"
                  },
                  {
                    "name": "include",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "skip",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "deprecated",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "specifiedBy",
                    "isDeprecated": false,
                    "deprecationReason": null
                  },
                  {
                    "name": "oneOf",
                    "isDeprecated": false,
                    "deprecationReason": null
                  }
                ]
              }
            }
            """);

    private static void ExpectIntrospection([StringSyntax("graphql")] string query, string expectedJson) =>
        Assert.Equal(expectedJson, IntrospectionRunner.Run(Sample, query));
}
