using Federation.Gateway.Composition;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// The catalogue's composition rule: every coordinate of the supergraph that comes from a subgraph
/// belongs to exactly one resource — each field of each object and interface type, root fields
/// included, each argument of those fields (<c>Type.field(argument:)</c>) and each field of each input
/// type — the federation internals (<c>_entities</c>, <c>_service</c>, join and link machinery)
/// excepted. A filter reveals what it searches by, so an argument or input field is data as much as a
/// field is. The resource's provider is the agency of a subgraph that resolves the field (that defines
/// the argument's field, that defines the input type). A field several subgraphs resolve on an entity
/// (a key such as <c>Person.idNumber</c>) belongs to the owner's resource: the owner is the subgraph
/// with a resolvable key that resolves most of the type.
/// NOT_SHARED elements must be removable from the public schema: fields nullable, not named by
/// <c>@key</c>/<c>@requires</c>/<c>@provides</c>, not implementing a shared interface field;
/// arguments and input fields nullable or with a default (the subgraph is then never sent them);
/// no type left without fields.
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

        // A catalogue whose every resource is UNCONDITIONAL shares everything with every agency: no
        // argument or input field can search by anything a caller may not read, so leaving them out
        // decides nothing. The moment one resource is conditional or not shared, each must be listed.
        var everythingShared = catalogue.Resources.All(r => r.Class == ShareClass.Unconditional);

        var elements = new Elements();
        foreach (var type in supergraph.Types.Values.Where(IsCovered))
        {
            foreach (var field in type.Fields.Where(f => !IsFederationInternal(f.Name)))
            {
                elements.Fields[field.Coordinate] = field;
                var resolving = field.ResolvingSubgraphs.Distinct().ToList();
                if (Covering(field.Coordinate, "Field", resolving) is { } resource && ProviderProblem(type, field, resolving, resource, catalogue) is { } why)
                {
                    errors.Add(CatalogueErrorCodes.WrongProvider(field.Coordinate, resource.Id, resource.Provider, resolving, why));
                }

                // An argument says what the field's subgraph is asked to search by: the agency running that subgraph provides it.
                foreach (var argument in field.Arguments)
                {
                    var coordinate = $"{field.Coordinate}({argument.Name}:)";
                    elements.Arguments[coordinate] = argument;
                    if (Covering(coordinate, "Argument", resolving) is { } argumentResource && Unrun(resolving, argumentResource, catalogue) is { } argumentWhy)
                    {
                        errors.Add(CatalogueErrorCodes.WrongProvider(coordinate, argumentResource.Id, argumentResource.Provider, resolving, argumentWhy, "argument"));
                    }
                }
            }
        }

        foreach (var type in supergraph.Types.Values.Where(t => t.Kind == SupergraphTypeKind.InputObject && !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var defining = type.Subgraphs.Select(s => s.Subgraph).Distinct().ToList();
            foreach (var field in type.Fields)
            {
                elements.InputFields[field.Coordinate] = field;
                if (Covering(field.Coordinate, "Input field", defining) is { } resource && Unrun(defining, resource, catalogue) is { } why)
                {
                    errors.Add(CatalogueErrorCodes.WrongProvider(field.Coordinate, resource.Id, resource.Provider, defining, why, "input field"));
                }
            }
        }

        foreach (var resource in catalogue.Resources)
        {
            foreach (var coordinate in resource.Fields.Where(c => !elements.Contains(c)))
            {
                errors.Add(CatalogueErrorCodes.UnknownField(coordinate, resource.Id));
            }
        }

        CheckNotShared(supergraph, catalogue, elements, errors);
        CheckDivisionPaths(supergraph, catalogue, errors);
        CheckSubjects(supergraph, catalogue, errors);
        CheckDivisionScopedFields(catalogue, elements, errors);
        CheckRowScopedFields(supergraph, catalogue, elements, errors);
        return errors;

        // The one resource covering the coordinate; null (and an error) when none or several do.
        CatalogueResource? Covering(string coordinate, string kind, List<string> subgraphs)
        {
            if (!covering.TryGetValue(coordinate, out var resources))
            {
                if (!(everythingShared && kind != "Field"))
                {
                    errors.Add(CatalogueErrorCodes.FieldUncovered(coordinate, subgraphs, kind));
                }

                return null;
            }

            if (resources.Count > 1)
            {
                errors.Add(CatalogueErrorCodes.FieldCoveredTwice(coordinate, [.. resources.Select(r => r.Id)], subgraphs, kind));
                return null;
            }

            return resources[0];
        }
    }

    /// <summary>
    /// Every coordinate of <paramref name="supergraph"/> the catalogue must cover (whether or not one
    /// must be listed when every resource is unconditional), in schema order: what <see cref="Check"/>
    /// walks, for those who write catalogue entries (<see cref="CatalogueDraft"/>).
    /// </summary>
    internal static IEnumerable<CoverableElement> Coverable(Supergraph supergraph)
    {
        foreach (var type in supergraph.Types.Values.Where(IsCovered))
        {
            foreach (var field in type.Fields.Where(f => !IsFederationInternal(f.Name)))
            {
                var resolving = field.ResolvingSubgraphs.Distinct().ToList();
                var owner = resolving.Count > 1 && type.IsEntity ? Owner(type, resolving) : null;
                yield return new CoverableElement(field.Coordinate, type.Name, CoverableKind.Field, resolving, owner);
                foreach (var argument in field.Arguments)
                {
                    yield return new CoverableElement($"{field.Coordinate}({argument.Name}:)", type.Name, CoverableKind.Argument, resolving, null);
                }
            }
        }

        foreach (var type in supergraph.Types.Values.Where(t => t.Kind == SupergraphTypeKind.InputObject && !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var defining = type.Subgraphs.Select(s => s.Subgraph).Distinct().ToList();
            foreach (var field in type.Fields)
            {
                yield return new CoverableElement(field.Coordinate, type.Name, CoverableKind.InputField, defining, null);
            }
        }
    }

    /// <summary>The coordinates of the supergraph the catalogue must cover, by kind.</summary>
    private sealed class Elements
    {
        public Dictionary<string, SupergraphField> Fields { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SupergraphArgument> Arguments { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, SupergraphField> InputFields { get; } = new(StringComparer.Ordinal);

        public bool Contains(string coordinate) => Fields.ContainsKey(coordinate) || Arguments.ContainsKey(coordinate) || InputFields.ContainsKey(coordinate);
    }

    private static bool IsCovered(SupergraphType type) =>
        type.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface && type.Name is not ("_Service" or "_Any" or "_Entity") && !type.Name.StartsWith("__", StringComparison.Ordinal);

    private static bool IsFederationInternal(string field) => field is "_entities" or "_service" || field.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Why <paramref name="resource"/>'s provider may not provide <paramref name="field"/>; null when it may.</summary>
    private static string? ProviderProblem(SupergraphType type, SupergraphField field, List<string> resolving, CatalogueResource resource, ShareCatalogue catalogue)
    {
        if (resolving.Count > 1 && type.IsEntity && Owner(type, resolving) is { } owner)
        {
            return catalogue.Subgraphs.TryGetValue(owner, out var ownerAgency) && ownerAgency == resource.Provider
                ? null
                : $"is resolved by several subgraphs and belongs to the owner of {type.Name}, subgraph \"{owner}\" ({catalogue.Subgraphs.GetValueOrDefault(owner) ?? "no agency"})";
        }

        return Unrun(resolving, resource, catalogue);
    }

    /// <summary>Why none of <paramref name="subgraphs"/> is the provider's; null when one is (or when no subgraph defines the element).</summary>
    private static string? Unrun(List<string> subgraphs, CatalogueResource resource, ShareCatalogue catalogue) =>
        subgraphs.Count == 0 || subgraphs.Any(s => catalogue.Subgraphs.TryGetValue(s, out var agency) && agency == resource.Provider)
            ? null
            : $"comes from {string.Join(", ", subgraphs.Select(s => $"subgraph \"{s}\""))}, none of which the provider runs";

    /// <summary>
    /// The subgraph owning a field several subgraphs resolve on an entity: the entity's owner (of
    /// the subgraphs with a resolvable key for it, the one resolving most of its fields) when it
    /// resolves the field, else the owner among those that do — a key field only two other
    /// subgraphs have (an intermediate's second key) belongs to one of them, not to nobody.
    /// </summary>
    private static string? Owner(SupergraphType type, List<string> resolving)
    {
        var owners = type.Subgraphs.Where(s => s.Key is not null && s.Resolvable).Select(s => s.Subgraph).Distinct()
            .OrderByDescending(s => type.Fields.Count(f => f.ResolvingSubgraphs.Contains(s)))
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
        return owners.Count > 0 && resolving.Contains(owners[0]) ? owners[0] : owners.Find(resolving.Contains);
    }

    private static void CheckNotShared(Supergraph supergraph, ShareCatalogue catalogue, Elements elements, List<CompositionError> errors)
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
            foreach (var coordinate in resource.Fields)
            {
                if (elements.Fields.TryGetValue(coordinate, out var field))
                {
                    var type = supergraph.Type(field.Parent)!;
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
                else if (elements.Arguments.TryGetValue(coordinate, out var argument))
                {
                    // Left out of the API schema, the argument is never sent: the subgraph must be able to do without it.
                    SchemaCoordinate.TryParse(coordinate, out var at);
                    var owner = supergraph.Type(at.Type)!;
                    var shared = owner.Implementations
                        .Select(i => $"{i.Interface}.{at.Field}({at.Argument}:)")
                        .FirstOrDefault(c => elements.Arguments.ContainsKey(c) && !hidden.ContainsKey(c));
                    var why = argument.Type.EndsWith('!') && !argument.HasDefault ? $"is required ({argument.Type}, no default)"
                        : shared is not null ? $"implements \"{shared}\", which is shared"
                        : null;
                    if (why is not null)
                    {
                        errors.Add(CatalogueErrorCodes.NotSharedRequiredField(coordinate, resource.Id, why, "argument"));
                    }
                }
                else if (elements.InputFields.TryGetValue(coordinate, out var inputField) && inputField.Type.EndsWith('!') && !inputField.HasDefault)
                {
                    errors.Add(CatalogueErrorCodes.NotSharedRequiredField(coordinate, resource.Id, $"is required ({inputField.Type}, no default)", "input field"));
                }
            }
        }

        foreach (var type in supergraph.Types.Values.Where(t => IsCovered(t) || t.Kind == SupergraphTypeKind.InputObject))
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

    /// <summary>
    /// Each <c>subjects</c> entry names an object type of the supergraph and a field of that type — not a
    /// path — that is a scalar and not a list: the identifier the audit trail hashes, fetched beside
    /// every object of the type under a reserved alias.
    /// </summary>
    private static void CheckSubjects(Supergraph supergraph, ShareCatalogue catalogue, List<CompositionError> errors)
    {
        foreach (var (typeName, subject) in catalogue.Subjects)
        {
            var type = supergraph.Type(typeName);
            if (type is null)
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, "the supergraph has no such type"));
                continue;
            }

            if (type.Kind is not SupergraphTypeKind.Object)
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, "it is not an object type"));
                continue;
            }

            var field = type.Field(subject.Field);
            if (field is null)
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, $"type \"{typeName}\" has no field \"{subject.Field}\""));
            }
            else if (field.Type.StartsWith('['))
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, $"\"{field.Coordinate}\" is a list"));
            }
            else if (field.Arguments.Count > 0)
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, $"\"{field.Coordinate}\" takes arguments"));
            }
            else if (supergraph.Type(NamedType(field.Type)) is { Kind: not SupergraphTypeKind.Scalar and not SupergraphTypeKind.Enum })
            {
                errors.Add(CatalogueErrorCodes.InvalidSubject(typeName, subject.Field, $"\"{field.Coordinate}\" is not a scalar"));
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

    /// <summary>
    /// A division-scoped resource's fields are checked row by row, so their type says where a row's
    /// division is. Its arguments and input fields have no rows: the subgraph limits the rows it
    /// answers to the caller's division.
    /// </summary>
    private static void CheckDivisionScopedFields(ShareCatalogue catalogue, Elements elements, List<CompositionError> errors)
    {
        foreach (var resource in catalogue.Resources.Where(r => r.Conditions is { DivisionScoped: true }))
        {
            foreach (var coordinate in resource.Fields)
            {
                if (elements.Fields.TryGetValue(coordinate, out var field) && !catalogue.DivisionFields.ContainsKey(field.Parent))
                {
                    errors.Add(CatalogueErrorCodes.DivisionFieldMissing(coordinate, resource.Id, field.Parent));
                }
            }
        }
    }

    /// <summary>
    /// A row-scoped resource says its rows' existence is its data: the subgraph withholds the rows its
    /// fields describe. A root field, an argument or an input field describes no row the subgraph could
    /// withhold, so a resource that lists one cannot keep that promise.
    /// </summary>
    private static void CheckRowScopedFields(Supergraph supergraph, ShareCatalogue catalogue, Elements elements, List<CompositionError> errors)
    {
        var api = supergraph.ApiSchema;
        string?[] roots = [api.QueryType?.Name, api.MutationType?.Name, api.SubscriptionType?.Name];
        foreach (var resource in catalogue.Resources.Where(r => r.Conditions is { RowScoped: true }))
        {
            foreach (var coordinate in resource.Fields)
            {
                if (elements.Arguments.ContainsKey(coordinate))
                {
                    errors.Add(CatalogueErrorCodes.RowScopedWithoutRows(coordinate, resource.Id, "is an argument"));
                }
                else if (elements.InputFields.ContainsKey(coordinate))
                {
                    errors.Add(CatalogueErrorCodes.RowScopedWithoutRows(coordinate, resource.Id, "is an input field"));
                }
                else if (elements.Fields.TryGetValue(coordinate, out var field) && Array.IndexOf(roots, field.Parent) >= 0)
                {
                    errors.Add(CatalogueErrorCodes.RowScopedWithoutRows(coordinate, resource.Id, "is a root field"));
                }
            }
        }
    }

    private static string NamedType(string type) => type.TrimStart('[').TrimEnd(']', '!').TrimEnd(']', '!');
}

internal enum CoverableKind
{
    Field,
    Argument,
    InputField,
}

/// <summary>A coordinate the catalogue must cover.</summary>
/// <param name="Type">The type it is on (the field's type for an argument).</param>
/// <param name="Subgraphs">The subgraphs that resolve the field, or define the argument's field or the input type.</param>
/// <param name="Owner">For a field several subgraphs resolve on an entity: the owner, whose agency alone may provide it; null otherwise.</param>
internal sealed record CoverableElement(string Coordinate, string Type, CoverableKind Kind, IReadOnlyList<string> Subgraphs, string? Owner);
