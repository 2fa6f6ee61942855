using System.Collections.Frozen;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>What the schema rules share: the schema, the errors found so far and the ways to name and locate definitions.</summary>
internal sealed class SchemaValidationContext(Schema schema)
{
    // graphql-js exempts exactly these names from the reserved "__" prefix, not every "__" name.
    private static readonly FrozenSet<string> IntrospectionTypeNames = FrozenSet.ToFrozenSet(
    [
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ]);

    private readonly List<GraphQLError> errors = [];

    public Schema Schema { get; } = schema;

    public GraphQLError[] Errors => [.. errors];

    public static bool IsIntrospectionType(NamedType type) => IntrospectionTypeNames.Contains(type.Name);

    /// <summary>Graphql-js's isRequiredArgument and isRequiredInputField.</summary>
    public static bool IsRequired(InputValue value) => value.Type is NonNullType && !value.HasDefaultValue;

    /// <summary>The schema coordinate of an argument, as graphql-js prints it: <c>Type.field(arg:)</c> or <c>@directive(arg:)</c>.</summary>
    public static string ArgumentCoordinate(string parent, InputValue argument) => $"{parent}({argument.Name}:)";

    public static string FieldCoordinate(NamedType type, string fieldName) => $"{type.Name}.{fieldName}";

    /// <summary>The definition of a type followed by its extensions: where graphql-js points at a whole type.</summary>
    public static List<SyntaxNode?> DefinitionAndExtensions(NamedType type)
    {
        var nodes = new List<SyntaxNode?>(1 + type.ExtensionDefinitions.Count) { type.Definition };
        nodes.AddRange(type.ExtensionDefinitions);
        return nodes;
    }

    /// <summary>The <c>@deprecated</c> applied to a definition, if it was written in SDL.</summary>
    public static DirectiveNode? DeprecatedDirective(IHasDirectives? definition)
    {
        if (definition is null)
        {
            return null;
        }

        foreach (var directive in definition.Directives)
        {
            if (directive.Name.Value == "deprecated")
            {
                return directive;
            }
        }

        return null;
    }

    public void ReportError(string message, params ReadOnlySpan<SyntaxNode?> nodes) =>
        errors.Add(new GraphQLError(message, nodes));

    public void ReportError(string message, IReadOnlyList<SourceLocation> locations) =>
        errors.Add(new GraphQLError(message, locations));

    public void ReportError(string message, List<SyntaxNode?> nodes) =>
        errors.Add(new GraphQLError(message, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(nodes)));
}
