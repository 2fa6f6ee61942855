using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Composition;

/// <summary>
/// The federation machinery that a subgraph's printed SDL may carry — what <c>@apollo/subgraph</c>,
/// Hot Chocolate, GraphQL.NET or Strawberry answer as <c>_service { sdl }</c>: the <c>@link</c> and
/// federation directive definitions, <c>_Any</c>, the FieldSet and link scalars, <c>link__Purpose</c>,
/// <c>_Service</c>, <c>_Entity</c>, <c>Query._service</c> and <c>Query._entities</c>. Apollo accepts
/// a definition compatible with the spec's and refuses another
/// (<c>federation-internals/src/directiveAndTypeSpecification.ts</c>): a directive may drop optional
/// arguments, locations and repeatability, make an optional argument required, and take a
/// built-in type where the spec has a custom scalar (<c>fields: String!</c>); it may not add
/// arguments or locations. The compatible definitions are removed, so the subgraph reads as if
/// written without them; the others are <c>DIRECTIVE_DEFINITION_INVALID</c> or
/// <c>TYPE_DEFINITION_INVALID</c> with Apollo's messages.
/// </summary>
internal static class FederationDefinitions
{
    // Apollo's own definitions (printSchema of a subgraph linking the newest federation version);
    // {X} stands for the local name of the spec's scalar X.
    private static readonly (string Name, string Definition)[] Directives =
    [
        ("key", "(fields: {FieldSet}!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE"),
        ("requires", "(fields: {FieldSet}!) on FIELD_DEFINITION"),
        ("provides", "(fields: {FieldSet}!) on FIELD_DEFINITION"),
        ("external", "(reason: String) on OBJECT | FIELD_DEFINITION"),
        ("tag", "(name: String!) repeatable on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION | SCHEMA"),
        ("extends", " on OBJECT | INTERFACE"),
        ("shareable", " repeatable on OBJECT | FIELD_DEFINITION"),
        ("inaccessible", " on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION"),
        ("override", "(from: String!, label: String) on FIELD_DEFINITION"),
        ("composeDirective", "(name: String) repeatable on SCHEMA"),
        ("interfaceObject", " on OBJECT"),
        ("authenticated", " on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"),
        ("requiresScopes", "(scopes: [[{Scope}!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"),
        ("policy", "(policies: [[{Policy}!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM"),
        ("context", "(name: String!) repeatable on INTERFACE | OBJECT | UNION"),
        ("fromContext", "(field: {ContextFieldValue}) on ARGUMENT_DEFINITION"),
    ];

    private const string LinkDefinition = "directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA";

    private static readonly string[] SpecScalars = ["FieldSet", "Scope", "Policy", "ContextFieldValue"];

    private static readonly string[] BuiltInScalars = ["String", "Int", "Float", "Boolean", "ID"];

    /// <summary>The document without the compatible federation definitions; an incompatible one is reported.</summary>
    public static DocumentNode Remove(string subgraph, DocumentNode document, FederationSpec spec, int federationMinor, List<CompositionError> errors)
    {
        var expected = Expected(spec, federationMinor);
        var customScalars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            if (definition is ScalarTypeDefinitionNode scalar && Array.IndexOf(BuiltInScalars, scalar.Name.Value) < 0)
            {
                customScalars.Add(scalar.Name.Value);
            }
        }

        // _Any is left to the schema's validation when it is not a scalar, as Apollo leaves it (INVALID_GRAPHQL).
        var federationScalars = new HashSet<string>(SpecScalars.Select(spec.LocalName), StringComparer.Ordinal) { "link__Import" };
        var kept = new List<DefinitionNode>(document.Definitions.Count);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case DirectiveDefinitionNode directive when expected.TryGetValue(directive.Name.Value, out var specDirective):
                    CheckDirective(subgraph, specDirective, directive, federationScalars, customScalars, errors);
                    break;
                case TypeDefinitionNode type when federationScalars.Contains(type.Name.Value):
                    if (type is not ScalarTypeDefinitionNode)
                    {
                        errors.Add(CompositionErrorCodes.TypeDefinitionInvalid(subgraph, $"Invalid definition for type {type.Name.Value}: {type.Name.Value} should be a ScalarType but is defined as a {KindName(type)}"));
                    }

                    break;
                case TypeDefinitionNode type when type.Name.Value == "link__Purpose":
                    CheckPurpose(subgraph, type, errors);
                    break;
                case ScalarTypeDefinitionNode { Name.Value: "_Any" }:
                case TypeDefinitionNode { Name.Value: "_Service" or "_Entity" }:
                    break;
                case ObjectTypeDefinitionNode query when IsFederationOperationHolder(query.Name.Value, document):
                    kept.Add(query with { Fields = [.. query.Fields.Where(f => f.Name.Value is not ("_service" or "_entities"))] });
                    break;
                case ObjectTypeExtensionNode query when IsFederationOperationHolder(query.Name.Value, document):
                    kept.Add(query with { Fields = [.. query.Fields.Where(f => f.Name.Value is not ("_service" or "_entities"))] });
                    break;
                default:
                    kept.Add(definition);
                    break;
            }
        }

        return new DocumentNode(kept);
    }

    /// <summary>The spec's directive definitions under this subgraph's names, <c>@link</c> among them.</summary>
    private static Dictionary<string, DirectiveDefinitionNode> Expected(FederationSpec spec, int federationMinor)
    {
        var sdl = new System.Text.StringBuilder(LinkDefinition).Append('\n');
        foreach (var (name, definition) in Directives)
        {
            // @override took its label in v2.7; a subgraph linking an older version may not declare it.
            var text = name == "override" && federationMinor < 7 ? "(from: String!) on FIELD_DEFINITION" : definition;
            foreach (var scalar in SpecScalars)
            {
                text = text.Replace("{" + scalar + "}", spec.LocalName(scalar), StringComparison.Ordinal);
            }

            sdl.Append("directive @").Append(spec.LocalName(name)).Append(text).Append('\n');
        }

        return Parser.Parse(sdl.ToString()).Definitions.Cast<DirectiveDefinitionNode>().ToDictionary(d => d.Name.Value, StringComparer.Ordinal);
    }

    private static bool IsFederationOperationHolder(string name, DocumentNode document)
    {
        var query = "Query";
        foreach (var definition in document.Definitions)
        {
            var operations = definition switch
            {
                SchemaDefinitionNode schema => schema.OperationTypes,
                SchemaExtensionNode extension => extension.OperationTypes,
                _ => [],
            };
            foreach (var operation in operations)
            {
                if (operation.Operation == OperationType.Query)
                {
                    query = operation.Type.Name.Value;
                }
            }
        }

        return name == query;
    }

    /// <summary>ensureSameDirectiveStructure of federation-internals: arguments, then repeatable, then locations.</summary>
    private static void CheckDirective(string subgraph, DirectiveDefinitionNode expected, DirectiveDefinitionNode actual, HashSet<string> federationScalars, HashSet<string> customScalars, List<CompositionError> errors)
    {
        var name = $"\"@{expected.Name.Value}\"";
        var what = "directive " + name;
        foreach (var argument in expected.Arguments)
        {
            var actualArgument = actual.Arguments.FirstOrDefault(a => a.Name.Value == argument.Name.Value);
            if (actualArgument is null)
            {
                if (argument.Type is NonNullTypeNode && argument.DefaultValue is null)
                {
                    errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for {what}: missing required argument \"{argument.Name.Value}\""));
                }

                continue;
            }

            var actualType = actualArgument.Type is NonNullTypeNode nonNull && argument.Type is not NonNullTypeNode ? nonNull.Type : actualArgument.Type;
            if (Printer.Print(argument.Type) != Printer.Print(actualType) && !IsValidRedefinition(argument.Type, actualType, federationScalars, customScalars))
            {
                errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for {what}: argument \"{argument.Name.Value}\" should have type \"{Printer.Print(argument.Type)}\" but found type \"{Printer.Print(actualArgument.Type)}\""));
            }
            else if (actualArgument.Type is not NonNullTypeNode && Value(argument.DefaultValue) != Value(actualArgument.DefaultValue))
            {
                errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for {what}: argument \"{argument.Name.Value}\" should have default value {Value(argument.DefaultValue)} but found default value {Value(actualArgument.DefaultValue)}"));
            }
        }

        foreach (var actualArgument in actual.Arguments)
        {
            if (!expected.Arguments.Any(a => a.Name.Value == actualArgument.Name.Value))
            {
                errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for {what}: unknown/unsupported argument \"{actualArgument.Name.Value}\""));
            }
        }

        // A repeatable directive may be declared non-repeatable, and fewer locations are fine: the subgraph only promises less.
        if (!expected.Repeatable && actual.Repeatable)
        {
            errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for directive {name}: {name} should not be repeatable"));
        }

        if (!actual.Locations.All(l => expected.Locations.Any(e => e.Value == l.Value)))
        {
            errors.Add(CompositionErrorCodes.DirectiveDefinitionInvalid(subgraph, $"Invalid definition for directive {name}: {name} should have locations {string.Join(", ", expected.Locations.Select(l => l.Value))}, but found (non-subset) {string.Join(", ", actual.Locations.Select(l => l.Value))}"));
        }
    }

    /// <summary>A custom scalar of the spec may be declared as another type that is not a custom scalar (isValidInputTypeRedefinition).</summary>
    private static bool IsValidRedefinition(TypeNode expected, TypeNode actual, HashSet<string> federationScalars, HashSet<string> customScalars) => expected switch
    {
        ListTypeNode list => actual is ListTypeNode actualList && IsValidRedefinition(list.Type, actualList.Type, federationScalars, customScalars),
        NonNullTypeNode nonNull => actual is NonNullTypeNode actualNonNull && IsValidRedefinition(nonNull.Type, actualNonNull.Type, federationScalars, customScalars),
        NamedTypeNode named => federationScalars.Contains(named.Name.Value) && !(actual is NamedTypeNode actualNamed && customScalars.Contains(actualNamed.Name.Value)),
        _ => false,
    };

    private static void CheckPurpose(string subgraph, TypeDefinitionNode type, List<CompositionError> errors)
    {
        if (type is not EnumTypeDefinitionNode purpose)
        {
            errors.Add(CompositionErrorCodes.TypeDefinitionInvalid(subgraph, $"Invalid definition for type {type.Name.Value}: {type.Name.Value} should be a EnumType but is defined as a {KindName(type)}"));
            return;
        }

        var values = purpose.Values.Select(v => v.Name.Value).Order(StringComparer.Ordinal).ToList();
        if (!values.SequenceEqual(["EXECUTION", "SECURITY"]))
        {
            errors.Add(CompositionErrorCodes.TypeDefinitionInvalid(subgraph, $"Invalid definition for type \"Purpose\": expected values [EXECUTION, SECURITY] but found [{string.Join(", ", values)}]."));
        }
    }

    private static string Value(ValueNode? value) => value is null ? "null" : Printer.Print(value);

    private static string KindName(TypeDefinitionNode type) => type switch
    {
        ScalarTypeDefinitionNode => "ScalarType",
        ObjectTypeDefinitionNode => "ObjectType",
        InterfaceTypeDefinitionNode => "InterfaceType",
        UnionTypeDefinitionNode => "UnionType",
        EnumTypeDefinitionNode => "EnumType",
        _ => "InputObjectType",
    };
}
