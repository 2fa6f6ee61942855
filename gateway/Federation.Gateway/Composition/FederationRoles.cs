using Federation.GraphQL.Language.Syntax;
using Federation.Protocol.Spec;

namespace Federation.Gateway.Composition;

/// <summary>
/// What each field is to federation in its subgraph, as Apollo's subgraph metadata computes it:
/// external (by <c>@external</c> on the field or on its type, except the key fields of an
/// extension, which Federation 1 habits mark external), shareable (by <c>@shareable</c>, as a key
/// field, or as an external field a <c>@provides</c> names), provided, used, and the field sets of
/// its <c>@requires</c>/<c>@provides</c> and its <c>@override</c>.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives
/// </summary>
internal static class FederationRoles
{
    public static void Assign(SubgraphSchema subgraph)
    {
        var fakeExternals = new HashSet<SubgraphField>();
        foreach (var type in subgraph.Types)
        {
            var typeIsExternal = type.Kind == TypeKind.Object && type.Has("external");
            var isExtendsType = type.Has("extends");
            foreach (var field in type.Fields)
            {
                field.IsExternal = typeIsExternal || field.Has("external");
                field.Requires = FieldSetOf(subgraph, field.Directives, "requires");
                field.Provides = FieldSetOf(subgraph, field.Directives, "provides");
                if (field.Directives.FirstOrDefault(d => subgraph.IsFederation(d, "override")) is { } overrideDirective)
                {
                    field.OverrideFrom = FederationSpec.StringArgument(overrideDirective, "from");
                    field.OverrideLabel = FederationSpec.StringArgument(overrideDirective, "label");
                }
            }

            foreach (var key in type.Keys)
            {
                if (key.OfExtension || isExtendsType)
                {
                    fakeExternals.UnionWith(FieldSets.Targets(type, key.Fields).Where(f => f.Has("external")));
                }
            }
        }

        foreach (var field in fakeExternals)
        {
            field.IsExternal = false;
        }

        foreach (var type in subgraph.Types)
        {
            if (type.Kind is not (TypeKind.Object or TypeKind.Interface))
            {
                continue;
            }

            foreach (var key in type.Keys)
            {
                foreach (var target in FieldSets.Targets(type, key.Fields))
                {
                    target.IsShareable = true;
                    target.IsUsed = true;
                }
            }

            var shareableOnType = type.Directives.Where(d => subgraph.IsFederation(d.Directive, "shareable")).Select(d => d.OfExtension).ToList();
            foreach (var field in type.Fields)
            {
                if (type.Kind == TypeKind.Object && (field.Has("shareable") || shareableOnType.Contains(field.OfExtension)))
                {
                    field.IsShareable = true;
                }

                if (field.Requires is { } requires)
                {
                    foreach (var target in FieldSets.Targets(type, requires))
                    {
                        target.IsUsed = true;
                    }
                }

                if (field.Provides is { } provides && subgraph.Type(FieldSets.NamedType(field.Type)) is { } provided)
                {
                    foreach (var target in FieldSets.Targets(provided, provides))
                    {
                        target.IsUsed = true;
                        if (target.IsExternal)
                        {
                            target.IsProvided = true;
                            target.IsShareable = true;
                        }
                    }
                }
            }
        }
    }

    private static string? FieldSetOf(SubgraphSchema subgraph, IReadOnlyList<DirectiveNode> directives, string specDirective)
    {
        foreach (var directive in directives)
        {
            if (subgraph.IsFederation(directive, specDirective))
            {
                return FederationSpec.StringArgument(directive, "fields");
            }
        }

        return null;
    }
}
