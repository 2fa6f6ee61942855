using Federation.GraphQL.Language;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Scalars;

namespace Federation.GraphQL.Introspection;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Schema-Introspection — the types that describe
/// a schema, with graphql-js 17.1.0's descriptions, fields and resolvers. Where graphql-js goes
/// beyond the spec (deprecated directives, two more directive locations) these follow graphql-js.
/// Each resolver reads <see cref="ResolveContext.Source"/>: a <see cref="Types.Schema"/>,
/// a <see cref="GraphQLType"/>, an <see cref="OutputField"/>, an <see cref="InputValue"/>,
/// an <see cref="EnumValue"/> or a <see cref="DirectiveDefinition"/>.
/// </summary>
public static class IntrospectionTypes
{
    // The types refer to each other; their fields are built on first use, when every property
    // below is set, which the compiler's flow analysis of static initializers cannot see.
#pragma warning disable CS8604
    /// <summary>https://spec.graphql.org/September2025/#sec-The-__Schema-Type</summary>
    public static ObjectType Schema { get; } = new("__Schema", () =>
    [
        Define("description", SpecifiedScalars.String, (Types.Schema schema) => schema.Description),
        Define("types", NonNullListOf(Type), (Types.Schema schema) => schema.Types.ToArray(), "A list of all types supported by this server."),
        Define("queryType", new NonNullType(Type), (Types.Schema schema) => schema.QueryType, "The type that query operations will be rooted at."),
        Define("mutationType", Type, (Types.Schema schema) => schema.MutationType, "If this server supports mutation, the type that mutation operations will be rooted at."),
        Define("subscriptionType", Type, (Types.Schema schema) => schema.SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at."),
        DefineFiltered("directives", NonNullListOf(Directive), (Types.Schema schema) => schema.Directives, d => d.IsDeprecated, "A list of all directives supported by this server."),
    ])
    {
        Description = "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__Directive-Type</summary>
    public static ObjectType Directive { get; } = new("__Directive", () =>
    [
        Define("name", new NonNullType(SpecifiedScalars.String), (DirectiveDefinition d) => d.Name),
        Define("description", SpecifiedScalars.String, (DirectiveDefinition d) => d.Description),
        Define("isRepeatable", new NonNullType(SpecifiedScalars.Boolean), (DirectiveDefinition d) => Box(d.IsRepeatable)),
        Define("locations", NonNullListOf(DirectiveLocation), (DirectiveDefinition d) => d.Locations),
        DefineFiltered("args", NonNullListOf(InputValue), (DirectiveDefinition d) => d.Arguments, a => a.IsDeprecated),
        Define("isDeprecated", new NonNullType(SpecifiedScalars.Boolean), (DirectiveDefinition d) => Box(d.IsDeprecated)),
        Define("deprecationReason", SpecifiedScalars.String, (DirectiveDefinition d) => d.DeprecationReason),
    ])
    {
        Description = "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    };

    /// <summary>
    /// https://spec.graphql.org/September2025/#sec-The-__DirectiveLocation-Type — with graphql-js's
    /// FRAGMENT_VARIABLE_DEFINITION and DIRECTIVE_DEFINITION. Values are <see cref="Types.DirectiveLocation"/>s.
    /// </summary>
    public static EnumType DirectiveLocation { get; } = new("__DirectiveLocation",
    [
        Location("QUERY", Types.DirectiveLocation.Query, "Location adjacent to a query operation."),
        Location("MUTATION", Types.DirectiveLocation.Mutation, "Location adjacent to a mutation operation."),
        Location("SUBSCRIPTION", Types.DirectiveLocation.Subscription, "Location adjacent to a subscription operation."),
        Location("FIELD", Types.DirectiveLocation.Field, "Location adjacent to a field."),
        Location("FRAGMENT_DEFINITION", Types.DirectiveLocation.FragmentDefinition, "Location adjacent to a fragment definition."),
        Location("FRAGMENT_SPREAD", Types.DirectiveLocation.FragmentSpread, "Location adjacent to a fragment spread."),
        Location("INLINE_FRAGMENT", Types.DirectiveLocation.InlineFragment, "Location adjacent to an inline fragment."),
        Location("VARIABLE_DEFINITION", Types.DirectiveLocation.VariableDefinition, "Location adjacent to an operation variable definition."),
        Location("FRAGMENT_VARIABLE_DEFINITION", Types.DirectiveLocation.FragmentVariableDefinition, "Location adjacent to a fragment variable definition."),
        Location("SCHEMA", Types.DirectiveLocation.Schema, "Location adjacent to a schema definition."),
        Location("SCALAR", Types.DirectiveLocation.Scalar, "Location adjacent to a scalar definition."),
        Location("OBJECT", Types.DirectiveLocation.Object, "Location adjacent to an object type definition."),
        Location("FIELD_DEFINITION", Types.DirectiveLocation.FieldDefinition, "Location adjacent to a field definition."),
        Location("ARGUMENT_DEFINITION", Types.DirectiveLocation.ArgumentDefinition, "Location adjacent to an argument definition."),
        Location("INTERFACE", Types.DirectiveLocation.Interface, "Location adjacent to an interface definition."),
        Location("UNION", Types.DirectiveLocation.Union, "Location adjacent to a union definition."),
        Location("ENUM", Types.DirectiveLocation.Enum, "Location adjacent to an enum definition."),
        Location("ENUM_VALUE", Types.DirectiveLocation.EnumValue, "Location adjacent to an enum value definition."),
        Location("INPUT_OBJECT", Types.DirectiveLocation.InputObject, "Location adjacent to an input object type definition."),
        Location("INPUT_FIELD_DEFINITION", Types.DirectiveLocation.InputFieldDefinition, "Location adjacent to an input object field definition."),
        Location("DIRECTIVE_DEFINITION", Types.DirectiveLocation.DirectiveDefinition, "Location adjacent to a directive definition."),
    ])
    {
        Description = "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__Type-Type</summary>
    public static ObjectType Type { get; } = new("__Type", () =>
    [
        Define("kind", new NonNullType(TypeKind), (GraphQLType type) => KindOf(type)),
        Define("name", SpecifiedScalars.String, (GraphQLType type) => (type as NamedType)?.Name),
        Define("description", SpecifiedScalars.String, (GraphQLType type) => (type as NamedType)?.Description),
        Define("specifiedByURL", SpecifiedScalars.String, (GraphQLType type) => (type as ScalarType)?.SpecifiedByUrl),
        DefineFiltered("fields", new ListType(new NonNullType(Field)), (GraphQLType type) => (type as FieldsType)?.Fields, f => f.IsDeprecated),
        Define("interfaces", new ListType(new NonNullType(Type)), (GraphQLType type) => (type as FieldsType)?.Interfaces),
        new OutputField("possibleTypes", new ListType(new NonNullType(Type)))
        {
            Resolver = context => new(context.Source is UnionType or InterfaceType
                ? context.Schema.GetPossibleTypes((NamedType)context.Source)
                : null),
        },
        DefineFiltered("enumValues", new ListType(new NonNullType(EnumValue)), (GraphQLType type) => (type as EnumType)?.Values, v => v.IsDeprecated),
        DefineFiltered("inputFields", new ListType(new NonNullType(InputValue)), (GraphQLType type) => (type as InputObjectType)?.Fields, f => f.IsDeprecated),
        Define("ofType", Type, (GraphQLType type) => type switch
        {
            ListType list => list.OfType,
            NonNullType nonNull => nonNull.OfType,
            _ => null,
        }),
        Define("isOneOf", SpecifiedScalars.Boolean, (GraphQLType type) => type is InputObjectType input ? Box(input.IsOneOf) : null),
    ])
    {
        Description = "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__Field-Type</summary>
    public static ObjectType Field { get; } = new("__Field", () =>
    [
        Define("name", new NonNullType(SpecifiedScalars.String), (OutputField f) => f.Name),
        Define("description", SpecifiedScalars.String, (OutputField f) => f.Description),
        DefineFiltered("args", NonNullListOf(InputValue), (OutputField f) => f.Arguments, a => a.IsDeprecated),
        Define("type", new NonNullType(Type), (OutputField f) => f.Type),
        Define("isDeprecated", new NonNullType(SpecifiedScalars.Boolean), (OutputField f) => Box(f.IsDeprecated)),
        Define("deprecationReason", SpecifiedScalars.String, (OutputField f) => f.DeprecationReason),
    ])
    {
        Description = "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__InputValue-Type</summary>
    public static ObjectType InputValue { get; } = new("__InputValue", () =>
    [
        Define("name", new NonNullType(SpecifiedScalars.String), (Types.InputValue v) => v.Name),
        Define("description", SpecifiedScalars.String, (Types.InputValue v) => v.Description),
        Define("type", new NonNullType(Type), (Types.InputValue v) => v.Type),
        Define(
            "defaultValue",
            SpecifiedScalars.String,
            (Types.InputValue v) => v.DefaultValue is null ? null : Printer.Print(v.DefaultValue),
            "A GraphQL-formatted string representing the default value for this input value."),
        Define("isDeprecated", new NonNullType(SpecifiedScalars.Boolean), (Types.InputValue v) => Box(v.IsDeprecated)),
        Define("deprecationReason", SpecifiedScalars.String, (Types.InputValue v) => v.DeprecationReason),
    ])
    {
        Description = "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__EnumValue-Type</summary>
    public static ObjectType EnumValue { get; } = new("__EnumValue", () =>
    [
        Define("name", new NonNullType(SpecifiedScalars.String), (Types.EnumValue v) => v.Name),
        Define("description", SpecifiedScalars.String, (Types.EnumValue v) => v.Description),
        Define("isDeprecated", new NonNullType(SpecifiedScalars.Boolean), (Types.EnumValue v) => Box(v.IsDeprecated)),
        Define("deprecationReason", SpecifiedScalars.String, (Types.EnumValue v) => v.DeprecationReason),
    ])
    {
        Description = "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    };

    /// <summary>https://spec.graphql.org/September2025/#sec-The-__TypeKind-Type — values are the kind names.</summary>
    public static EnumType TypeKind { get; } = new("__TypeKind",
    [
        new("SCALAR") { Description = "Indicates this type is a scalar." },
        new("OBJECT") { Description = "Indicates this type is an object. `fields` and `interfaces` are valid fields." },
        new("INTERFACE") { Description = "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields." },
        new("UNION") { Description = "Indicates this type is a union. `possibleTypes` is a valid field." },
        new("ENUM") { Description = "Indicates this type is an enum. `enumValues` is a valid field." },
        new("INPUT_OBJECT") { Description = "Indicates this type is an input object. `inputFields` is a valid field." },
        new("LIST") { Description = "Indicates this type is a list. `ofType` is a valid field." },
        new("NON_NULL") { Description = "Indicates this type is a non-null. `ofType` is a valid field." },
    ])
    {
        Description = "An enum describing what kind of type a given `__Type` is.",
    };

#pragma warning restore CS8604

    /// <summary>In graphql-js's order (<c>introspectionTypes</c>).</summary>
    public static IReadOnlyList<NamedType> All { get; } = [Schema, Directive, DirectiveLocation, Type, Field, InputValue, EnumValue, TypeKind];

    public static NamedType? Get(string name)
    {
        foreach (var type in All)
        {
            if (type.Name == name)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The <c>__TypeKind</c> name of a type.</summary>
    public static string KindOf(GraphQLType type) => type switch
    {
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        InputObjectType => "INPUT_OBJECT",
        ListType => "LIST",
        NonNullType => "NON_NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unexpected type."),
    };

    private static readonly object True = true;
    private static readonly object False = false;

    // Introspection asks for isDeprecated on every field of every type; boxing once keeps it allocation-free.
    private static object Box(bool value) => value ? True : False;

    private static GraphQLType NonNullListOf(GraphQLType item) => new NonNullType(new ListType(new NonNullType(item)));

    private static bool Any<TItem>(IReadOnlyCollection<TItem> items, Func<TItem, bool> predicate)
    {
        foreach (var item in items)
        {
            if (predicate(item))
            {
                return true;
            }
        }

        return false;
    }

    private static Types.EnumValue Location(string name, Types.DirectiveLocation value, string description) =>
        new(name) { Value = value, Description = description };

    private static OutputField Define<TSource>(string name, GraphQLType type, Func<TSource, object?> resolve, string? description = null) =>
        new(name, type)
        {
            Description = description,
            Resolver = context => new(context.Source is TSource source ? resolve(source) : null),
        };

    /// <summary>
    /// A list field with graphql-js's <c>includeDeprecated: Boolean! = false</c> argument:
    /// deprecated items are left out unless it is true.
    /// </summary>
    private static OutputField DefineFiltered<TSource, TItem>(
        string name,
        GraphQLType type,
        Func<TSource, IReadOnlyCollection<TItem>?> items,
        Func<TItem, bool> isDeprecated,
        string? description = null)
    {
        return new(name, type)
        {
            Description = description,
            Arguments =
            [
                new Types.InputValue("includeDeprecated", new NonNullType(SpecifiedScalars.Boolean))
                {
                    DefaultValue = new Language.Syntax.BooleanValueNode(false),
                },
            ],
            Resolver = context =>
            {
                if (context.Source is not TSource source || items(source) is not { } all)
                {
                    return new((object?)null);
                }

                var includeDeprecated = context.Arguments.TryGetValue("includeDeprecated", out var flag) && flag is true;
                if (includeDeprecated || !Any(all, isDeprecated))
                {
                    return new(all);
                }

                var kept = new List<TItem>(all.Count);
                foreach (var item in all)
                {
                    if (!isDeprecated(item))
                    {
                        kept.Add(item);
                    }
                }

                return new(kept);
            },
        };
    }
}
