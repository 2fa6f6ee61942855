using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// The federation directives that Apollo's composition 2.14 carries into the supergraph and this
/// composition does not yet: a subgraph applying one is refused (<c>UNSUPPORTED_FEDERATION_DIRECTIVE</c>)
/// rather than composed without it — dropping <c>@fromContext</c> would plan wrong answers.
/// </summary>
internal static class UnsupportedDirectives
{
    private static readonly string[] Names =
        ["context", "fromContext"];

    public static void Check(string subgraph, DocumentNode document, FederationSpec spec, List<CompositionError> errors)
    {
        var unsupported = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            unsupported[spec.LocalName(name)] = name;
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            foreach (var (element, directive) in Applied(definition))
            {
                if (unsupported.TryGetValue(directive.Name.Value, out var name) && reported.Add(name))
                {
                    errors.Add(CompositionErrorCodes.UnsupportedFederationDirective(subgraph, name, element));
                }
            }
        }
    }

    internal static IEnumerable<(string Element, DirectiveNode Directive)> Applied(DocumentNode document) =>
        document.Definitions.SelectMany(Applied);

    private static IEnumerable<(string Element, DirectiveNode Directive)> Applied(DefinitionNode definition)
    {
        var owner = (definition as ITypeDefinitionOrExtension)?.Name.Value ?? "schema";
        foreach (var directive in (definition as IHasDirectives)?.Directives ?? [])
        {
            yield return (owner, directive);
        }

        var fields = definition switch
        {
            ObjectTypeDefinitionNode n => n.Fields,
            ObjectTypeExtensionNode n => n.Fields,
            InterfaceTypeDefinitionNode n => n.Fields,
            InterfaceTypeExtensionNode n => n.Fields,
            _ => [],
        };
        foreach (var field in fields)
        {
            foreach (var directive in field.Directives)
            {
                yield return ($"{owner}.{field.Name.Value}", directive);
            }

            foreach (var argument in field.Arguments)
            {
                foreach (var directive in argument.Directives)
                {
                    yield return ($"{owner}.{field.Name.Value}({argument.Name.Value}:)", directive);
                }
            }
        }

        var inputFields = definition switch
        {
            InputObjectTypeDefinitionNode n => n.Fields,
            InputObjectTypeExtensionNode n => n.Fields,
            _ => [],
        };
        foreach (var field in inputFields)
        {
            foreach (var directive in field.Directives)
            {
                yield return ($"{owner}.{field.Name.Value}", directive);
            }
        }

        var values = definition switch
        {
            EnumTypeDefinitionNode n => n.Values,
            EnumTypeExtensionNode n => n.Values,
            _ => [],
        };
        foreach (var value in values)
        {
            foreach (var directive in value.Directives)
            {
                yield return ($"{owner}.{value.Name.Value}", directive);
            }
        }
    }
}
