using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Fragment Spread Type Existence and Variables Are Input Types rely on it: "For each named type
/// reference in the document, the named type must be defined in the schema" (graphql-js
/// KnownTypeNames). In SDL the type may instead be defined in the document itself, and the
/// standard scalars and introspection types are always known.
/// https://spec.graphql.org/September2025/#sec-Fragment-Spread-Type-Existence
/// </summary>
internal sealed class KnownTypeNamesRule(AstValidationContext context) : RuleVisitor
{
    /// <summary>The built-in scalars and introspection types: SDL may name them without defining them.</summary>
    private static readonly string[] StandardTypeNames =
    [
        "String", "Int", "Float", "Boolean", "ID",
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ];

    private HashSet<string>? definedTypeNames;
    private List<string>? typeNames;

    public override bool EnterNamedType(NamedTypeNode node)
    {
        var typeName = node.Name.Value;
        var schema = context.SchemaOrNull;
        if (schema?.GetType(typeName) is not null)
        {
            return true;
        }

        definedTypeNames ??= DefinedTypeNames();
        if (definedTypeNames.Contains(typeName))
        {
            return true;
        }

        var ancestors = context.Ancestors;
        var definition = ancestors.Count > 1 ? ancestors[1] : ancestors[^1];
        var isSdl = definition is TypeSystemDefinitionNode or TypeSystemExtensionNode;
        if (isSdl && Array.IndexOf(StandardTypeNames, typeName) >= 0)
        {
            return true;
        }

        IReadOnlyList<string> suggested = [];
        if (!context.HideSuggestions)
        {
            if (typeNames is null)
            {
                typeNames = [];
                var seen = new HashSet<string>();
                if (schema is not null)
                {
                    foreach (var type in schema.Types)
                    {
                        if (seen.Add(type.Name))
                        {
                            typeNames.Add(type.Name);
                        }
                    }
                }

                foreach (var name in DefinedTypeNamesInOrder())
                {
                    if (seen.Add(name))
                    {
                        typeNames.Add(name);
                    }
                }
            }

            suggested = Suggestions.List(typeName, isSdl ? [.. StandardTypeNames, .. typeNames] : typeNames);
        }

        context.ReportError(new GraphQLError($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggested), node));
        return true;
    }

    private HashSet<string> DefinedTypeNames() => [.. DefinedTypeNamesInOrder()];

    private IEnumerable<string> DefinedTypeNamesInOrder()
    {
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is TypeDefinitionNode type)
            {
                yield return type.Name.Value;
            }
        }
    }
}
