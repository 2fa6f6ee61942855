using Federation.Gateway.Composition;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// The catalogue's composition rule: every field of the supergraph that comes from a subgraph —
/// each field of each object and interface type, root fields included, the federation internals
/// (<c>_entities</c>, <c>_service</c>, join and link machinery) excepted — belongs to exactly one
/// resource, and that resource's provider is the agency of a subgraph that resolves it. A field
/// several subgraphs resolve on an entity (a key such as <c>Person.idNumber</c>) belongs to the
/// owner's resource: the owner is the subgraph with a resolvable key that resolves most of the type.
/// NOT_SHARED fields must be removable from the public schema: nullable, not named by
/// <c>@key</c>/<c>@requires</c>/<c>@provides</c>, not implementing a shared interface field, and not
/// the last field of their type.
/// The platform fails closed: a supergraph the catalogue does not cover is not composed, served or swapped in.
/// </summary>
internal static class CatalogueCoverage
{
    public static IReadOnlyList<CompositionError> Check(Supergraph supergraph, ShareCatalogue catalogue)
    {
        var errors = new List<CompositionError>();
        foreach (var subgraph in supergraph.Subgraphs)
        {
            if (!catalogue.Subgraphs.ContainsKey(subgraph.Name))
            {
                errors.Add(CatalogueErrorCodes.SubgraphWithoutProvider(subgraph.Name));
            }
        }

        var covering = new Dictionary<string, List<CatalogueResource>>(StringComparer.Ordinal);
        foreach (var resource in catalogue.Resources)
        {
            foreach (var coordinate in resource.Fields)
            {
                if (!covering.TryGetValue(coordinate, out var resources))
                {
                    covering[coordinate] = resources = [];
                }

                resources.Add(resource);
            }
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in supergraph.Types.Values.Where(IsCovered))
        {
            foreach (var field in type.Fields.Where(f => !IsFederationInternal(f.Name)))
            {
                fields.Add(field.Coordinate);
                var resolving = field.ResolvingSubgraphs.Distinct().ToList();
                if (!covering.TryGetValue(field.Coordinate, out var resources))
                {
                    errors.Add(CatalogueErrorCodes.FieldUncovered(field.Coordinate, resolving));
                }
                else if (resources.Count > 1)
                {
                    errors.Add(CatalogueErrorCodes.FieldCoveredTwice(field.Coordinate, [.. resources.Select(r => r.Id)], resolving));
                }
                else if (ProviderProblem(type, field, resolving, resources[0], catalogue) is { } why)
                {
                    errors.Add(CatalogueErrorCodes.WrongProvider(field.Coordinate, resources[0].Id, resources[0].Provider, resolving, why));
                }
            }
        }

        foreach (var resource in catalogue.Resources)
        {
            foreach (var coordinate in resource.Fields.Where(c => !fields.Contains(c)))
            {
                errors.Add(CatalogueErrorCodes.UnknownField(coordinate, resource.Id));
            }
        }

        CheckNotShared(supergraph, catalogue, fields, errors);
        CheckDivisionPaths(supergraph, catalogue, errors);
        return errors;
    }

    private static bool IsCovered(SupergraphType type) =>
        type.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface && type.Name is not ("_Service" or "_Any" or "_Entity") && !type.Name.StartsWith("__", StringComparison.Ordinal);

    private static bool IsFederationInternal(string field) => field is "_entities" or "_service" || field.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Why <paramref name="resource"/>'s provider may not provide <paramref name="field"/>; null when it may.</summary>
    private static string? ProviderProblem(SupergraphType type, SupergraphField field, List<string> resolving, CatalogueResource resource, ShareCatalogue catalogue)
    {
        var providerSubgraphs = catalogue.Subgraphs.Where(s => s.Value == resource.Provider).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        if (resolving.Count > 1 && type.IsEntity && Owner(type) is { } owner)
        {
            return providerSubgraphs.Contains(owner)
                ? null
                : $"is resolved by several subgraphs and belongs to the owner of {type.Name}, subgraph \"{owner}\" ({catalogue.Subgraphs.GetValueOrDefault(owner) ?? "no agency"})";
        }

        return resolving.Count == 0 || resolving.Any(providerSubgraphs.Contains)
            ? null
            : $"is resolved by {string.Join(", ", resolving.Select(s => $"subgraph \"{s}\""))}, none of which the provider runs";
    }

    /// <summary>The subgraph owning an entity: of those with a resolvable key for it, the one resolving most of its fields.</summary>
    private static string? Owner(SupergraphType type) =>
        type.Subgraphs.Where(s => s.Key is not null && s.Resolvable).Select(s => s.Subgraph).Distinct()
            .OrderByDescending(s => type.Fields.Count(f => f.ResolvingSubgraphs.Contains(s)))
            .ThenBy(s => s, StringComparer.Ordinal)
            .FirstOrDefault();

    private static void CheckNotShared(Supergraph supergraph, ShareCatalogue catalogue, HashSet<string> fields, List<CompositionError> errors)
    {
        var notShared = catalogue.Resources.Where(r => r.Class == ShareClass.NotShared).ToList();
        if (notShared.Count == 0)
        {
            return;
        }

        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in notShared)
        {
            foreach (var coordinate in resource.Fields)
            {
                hidden.TryAdd(coordinate, resource.Id);
            }
        }

        var federationFields = FederationFields(supergraph);
        foreach (var resource in notShared)
        {
            foreach (var coordinate in resource.Fields.Where(fields.Contains))
            {
                var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
                var type = supergraph.Type(coordinate[..dot])!;
                var field = type.Field(coordinate[(dot + 1)..])!;
                var shared = type.Implementations.Select(i => supergraph.Type(i.Interface)?.Field(field.Name)).FirstOrDefault(f => f is not null && !hidden.ContainsKey(f.Coordinate));
                var why = field.Type.EndsWith('!') ? $"is non-null ({field.Type})"
                    : federationFields.Contains(coordinate) ? "is named by a @key, @requires or @provides"
                    : shared is not null ? $"implements \"{shared.Coordinate}\", which is shared"
                    : null;
                if (why is not null)
                {
                    errors.Add(CatalogueErrorCodes.NotSharedRequiredField(coordinate, resource.Id, why));
                }
            }
        }

        foreach (var type in supergraph.Types.Values.Where(IsCovered))
        {
            var visible = type.Fields.Where(f => !f.IsInaccessible && !IsFederationInternal(f.Name)).ToList();
            if (visible.Count > 0 && visible.All(f => hidden.ContainsKey(f.Coordinate)))
            {
                errors.Add(CatalogueErrorCodes.NotSharedEmptiesType(type.Name, hidden[visible[0].Coordinate]));
            }
        }
    }

    /// <summary>Every field a <c>@key</c>, <c>@requires</c> or <c>@provides</c> of the supergraph names.</summary>
    private static HashSet<string> FederationFields(Supergraph supergraph)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in supergraph.Types.Values)
        {
            foreach (var key in type.Subgraphs.Select(s => s.Key).OfType<string>())
            {
                Collect(supergraph, type, key, named);
            }

            foreach (var field in type.Fields)
            {
                foreach (var inSubgraph in field.Subgraphs)
                {
                    if (inSubgraph.Requires is { } requires)
                    {
                        Collect(supergraph, type, requires, named);
                    }

                    if (inSubgraph.Provides is { } provides && supergraph.Type(NamedType(field.Type)) is { } returned)
                    {
                        Collect(supergraph, returned, provides, named);
                    }
                }
            }
        }

        return named;
    }

    private static void Collect(Supergraph supergraph, SupergraphType type, string fieldSet, HashSet<string> named)
    {
        if (FieldSets.Parse(fieldSet) is { } selections)
        {
            Collect(supergraph, type, selections, named);
        }
    }

    private static void Collect(Supergraph supergraph, SupergraphType type, SelectionSetNode selections, HashSet<string> named)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldNode node when type.Field(node.Name.Value) is { } field:
                    named.Add(field.Coordinate);
                    if (node.SelectionSet is { } nested && supergraph.Type(NamedType(field.Type)) is { } inner)
                    {
                        Collect(supergraph, inner, nested, named);
                    }

                    break;
                case InlineFragmentNode fragment:
                    Collect(supergraph, fragment.TypeCondition is { } condition ? supergraph.Type(condition.Name.Value) ?? type : type, fragment.SelectionSet, named);
                    break;
            }
        }
    }

    /// <summary>Each <c>divisionFields</c> path leads from its type through object fields to a scalar.</summary>
    private static void CheckDivisionPaths(Supergraph supergraph, ShareCatalogue catalogue, List<CompositionError> errors)
    {
        foreach (var (typeName, path) in catalogue.DivisionFields)
        {
            var type = supergraph.Type(typeName);
            if (type is null)
            {
                errors.Add(CatalogueErrorCodes.InvalidDivisionPath(typeName, path, "the supergraph has no such type"));
                continue;
            }

            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var field = type.Field(segments[i]);
                if (field is null)
                {
                    errors.Add(CatalogueErrorCodes.InvalidDivisionPath(typeName, path, $"type \"{type.Name}\" has no field \"{segments[i]}\""));
                    break;
                }

                if (field.Type.StartsWith('['))
                {
                    errors.Add(CatalogueErrorCodes.InvalidDivisionPath(typeName, path, $"\"{field.Coordinate}\" is a list"));
                    break;
                }

                var next = supergraph.Type(NamedType(field.Type));
                var last = i == segments.Length - 1;
                if (last != (next is null || next.Kind is SupergraphTypeKind.Scalar))
                {
                    errors.Add(CatalogueErrorCodes.InvalidDivisionPath(typeName, path, last ? $"\"{field.Coordinate}\" is not a scalar" : $"\"{field.Coordinate}\" is a scalar with nothing to select"));
                    break;
                }

                type = next!;
            }
        }
    }

    private static string NamedType(string type) => type.TrimStart('[').TrimEnd(']', '!').TrimEnd(']', '!');
}
