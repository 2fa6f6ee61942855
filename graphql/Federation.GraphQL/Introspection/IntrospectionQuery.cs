namespace Federation.GraphQL.Introspection;

/// <summary>
/// The introspection query tools send to learn a schema, character for character as graphql-js
/// 17.1.0's <c>getIntrospectionQuery(options)</c> writes it (blank lines included), so that
/// both engines can be asked the very same document.
/// </summary>
public static class IntrospectionQuery
{
    /// <summary>The query with graphql-js's default options.</summary>
    public static string Text { get; } = Build(new IntrospectionQueryOptions());

    /// <summary>The query asking for everything graphql-js 17.1.0 can tell.</summary>
    public static string Full { get; } = Build(new IntrospectionQueryOptions
    {
        SpecifiedByUrl = true,
        DirectiveIsRepeatable = true,
        SchemaDescription = true,
        InputValueDeprecation = true,
        ExperimentalDirectiveDeprecation = true,
        OneOf = true,
    });

    public static string Build(IntrospectionQueryOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TypeDepth, 100);
        var descriptions = options.Descriptions ? "description" : string.Empty;
        var specifiedByUrl = options.SpecifiedByUrl ? "specifiedByURL" : string.Empty;
        var directiveIsRepeatable = options.DirectiveIsRepeatable ? "isRepeatable" : string.Empty;
        var schemaDescription = options.SchemaDescription ? descriptions : string.Empty;
        var oneOf = options.OneOf ? "isOneOf" : string.Empty;
        string InputDeprecation(string text) => options.InputValueDeprecation ? text : string.Empty;
        string DirectiveDeprecation(string text) => options.ExperimentalDirectiveDeprecation ? text : string.Empty;

        return $$"""

                query IntrospectionQuery {
                  __schema {
                    {{schemaDescription}}
                    queryType { name kind }
                    mutationType { name kind }
                    subscriptionType { name kind }
                    types {
                      ...FullType
                    }
                    directives{{DirectiveDeprecation("(includeDeprecated: true)")}} {
                      name
                      {{descriptions}}
                      {{directiveIsRepeatable}}
                      {{DirectiveDeprecation("isDeprecated")}}
                      {{DirectiveDeprecation("deprecationReason")}}
                      locations
                      args{{InputDeprecation("(includeDeprecated: true)")}} {
                        ...InputValue
                      }
                    }
                  }
                }

                fragment FullType on __Type {
                  kind
                  name
                  {{descriptions}}
                  {{specifiedByUrl}}
                  {{oneOf}}
                  fields(includeDeprecated: true) {
                    name
                    {{descriptions}}
                    args{{InputDeprecation("(includeDeprecated: true)")}} {
                      ...InputValue
                    }
                    type {
                      ...TypeRef
                    }
                    isDeprecated
                    deprecationReason
                  }
                  inputFields{{InputDeprecation("(includeDeprecated: true)")}} {
                    ...InputValue
                  }
                  interfaces {
                    ...TypeRef
                  }
                  enumValues(includeDeprecated: true) {
                    name
                    {{descriptions}}
                    isDeprecated
                    deprecationReason
                  }
                  possibleTypes {
                    ...TypeRef
                  }
                }

                fragment InputValue on __InputValue {
                  name
                  {{descriptions}}
                  type { ...TypeRef }
                  defaultValue
                  {{InputDeprecation("isDeprecated")}}
                  {{InputDeprecation("deprecationReason")}}
                }

                fragment TypeRef on __Type {
                  kind
                  name{{OfType(options.TypeDepth, "      ")}}
                }

            """ + "  ";
    }

    private static string OfType(int level, string indent) => level <= 0
        ? string.Empty
        : $"\n{indent}ofType {{\n{indent}  name\n{indent}  kind{OfType(level - 1, indent + "  ")}\n{indent}}}";
}

/// <summary>graphql-js's <c>IntrospectionOptions</c>, with its defaults.</summary>
public sealed record IntrospectionQueryOptions
{
    public bool Descriptions { get; init; } = true;

    public bool SpecifiedByUrl { get; init; }

    public bool DirectiveIsRepeatable { get; init; }

    public bool SchemaDescription { get; init; }

    public bool InputValueDeprecation { get; init; }

    public bool ExperimentalDirectiveDeprecation { get; init; }

    public bool OneOf { get; init; }

    public int TypeDepth { get; init; } = 9;
}
