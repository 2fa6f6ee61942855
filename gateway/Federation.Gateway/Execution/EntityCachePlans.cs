using System.Runtime.CompilerServices;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Planning;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.Gateway.Caching;

namespace Federation.Gateway.Execution;

/// <summary>A cached field of a type plan, with the resource whose entry keeps it and that entry's time-to-live.</summary>
internal sealed record CachedField(CachedShape Shape, string Resource, TimeSpan Ttl);

/// <summary>
/// What of one entity type a fetch selects that the cache serves: the fields of unconditional
/// resources, selected without arguments or directives, whose nested selections are made of such
/// fields alone (<see cref="Fields"/>), and the <c>__typename</c>s (answered from the representation).
/// Everything else the fetch selects for the type is the remainder, asked of the subgraph for every
/// entity, cached or not (<see cref="HasRemainder"/>).
/// </summary>
internal sealed class TypeCachePlan(string type, CachedField[] fields, string[] typenames, bool hasRemainder)
{
    public string Type { get; } = type;

    public CachedField[] Fields { get; } = fields;

    /// <summary>The response names under which the fetch selects <c>__typename</c>.</summary>
    public string[] Typenames { get; } = typenames;

    public bool HasRemainder { get; } = hasRemainder;

    /// <summary>The resources whose entries the fields are kept in, each once.</summary>
    public string[] Resources { get; } = fields.Select(field => field.Resource).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>
/// How an entity fetch is served with the cache: per type, what the cache gives; the operation that
/// asks for the remainder of cached entities alone (<see cref="RemainderText"/>), and the one that asks
/// in the same request for the misses in full and the remainder of the cached entities (<see cref="CombinedText"/>,
/// the cached ones under <see cref="CachedAlias"/> with their representations in <see cref="CachedVariable"/>).
/// </summary>
internal sealed class EntityFetchCachePlan(IReadOnlyDictionary<string, TypeCachePlan> types, bool topRemainder, string? remainderText, string? combinedText, string cachedVariable)
{
    public const string CachedAlias = "_cached";

    public IReadOnlyDictionary<string, TypeCachePlan> Types { get; } = types;

    /// <summary>Whether the fetch selects outside its type fragments something the cache does not give.</summary>
    public bool TopRemainder { get; } = topRemainder;

    public string? RemainderText { get; } = remainderText;

    public string? CombinedText { get; } = combinedText;

    public string CachedVariable { get; } = cachedVariable;

    /// <summary>Whether a cached entity of <paramref name="plan"/>'s type still needs the subgraph.</summary>
    public bool NeedsRemainder(TypeCachePlan plan) => TopRemainder || plan.HasRemainder;
}

/// <summary>
/// A root field that looks an entity up by its one-field key (<c>person(idNumber:)</c>), or entities by a list of
/// such keys (<c>personsByIdNumbers(idNumbers:)</c>, <see cref="ListType"/> the argument's type): served as those
/// entities. <see cref="Field"/> is the field as the fetch selects it.
/// </summary>
internal sealed record RootLookup(string ResponseName, string KeyField, ValueNode Argument, TypeCachePlan Plan, FieldNode Field, TypeNode? ListType)
{
    public bool IsList => ListType is not null;
}

/// <summary>
/// A root fetch made of lookups by key alone: the lookups, and how to ask the subgraph for only what the
/// cache lacks — the lookups with misses, a list lookup with its missing keys alone
/// (<see cref="Narrowed"/>), each of its items then showing its key under <see cref="KeyAlias"/>.
/// </summary>
internal sealed class RootFetchCachePlan(RootLookup[] lookups, OperationDefinitionNode operation, string keyAlias, string keysVariable)
{
    public RootLookup[] Lookups { get; } = lookups;

    /// <summary>The response name under which a narrowed list lookup's items show their key (none of the fetch's own).</summary>
    public string KeyAlias { get; } = keyAlias;

    /// <summary>The variable that holds the missing keys of list lookup <paramref name="index"/> in a narrowed operation.</summary>
    public string KeysVariable(int index) => keysVariable + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The operation that asks only for the lookups <paramref name="sent"/> marks: those of
    /// <paramref name="narrowed"/> (list lookups) with their keys in <see cref="KeysVariable"/> and their key under
    /// <see cref="KeyAlias"/>, the others as the fetch selects them; and the variables it uses.
    /// </summary>
    public (string Text, IReadOnlySet<string> Variables) Narrowed(bool[] sent, bool[] narrowed)
    {
        var selections = new List<SelectionNode>(Lookups.Length);
        var added = new List<VariableDefinitionNode>();
        for (var i = 0; i < Lookups.Length; i++)
        {
            if (!sent[i])
            {
                continue;
            }

            var lookup = Lookups[i];
            if (!narrowed[i])
            {
                selections.Add(lookup.Field);
                continue;
            }

            var variable = new VariableNode(new NameNode(KeysVariable(i)));
            added.Add(new VariableDefinitionNode(variable, lookup.ListType!, null, []));
            var key = new FieldNode(new NameNode(KeyAlias), new NameNode(lookup.KeyField), [], [], null);
            selections.Add(lookup.Field with
            {
                Arguments = [lookup.Field.Arguments[0] with { Value = variable }],
                SelectionSet = new SelectionSetNode([.. lookup.Field.SelectionSet!.Selections, key]),
            });
        }

        var selection = new SelectionSetNode(selections);
        var used = new HashSet<string>(StringComparer.Ordinal);
        QueryPlanner.VariablesIn(selection, used);
        var text = Printer.Print(operation with
        {
            VariableDefinitions = [.. operation.VariableDefinitions.Where(d => used.Contains(d.Variable.Name.Value)), .. added],
            SelectionSet = selection,
        });
        return (text, used);
    }
}

/// <summary>
/// The cache plans of one pipeline's fetches, made once per fetch from the catalogue (each field's
/// resource, class and update frequency) and the schema, and kept with the plan they belong to.
/// </summary>
internal sealed class EntityCachePlans(PlanningSchema planning, ShareCatalogue catalogue, CacheOptions options)
{
    private static readonly object None = new();
    private readonly ConditionalWeakTable<FetchNode, object> entityPlans = [];
    private readonly ConditionalWeakTable<FetchNode, object> rootPlans = [];

    /// <summary>The cache plan of an entity fetch; null when the cache serves nothing of it.</summary>
    public EntityFetchCachePlan? ForEntities(FetchNode fetch) =>
        entityPlans.GetValue(fetch, node => BuildEntities(node) ?? None) as EntityFetchCachePlan;

    /// <summary>The plan of a root fetch made of lookups by key alone; null otherwise.</summary>
    public RootFetchCachePlan? ForRoot(FetchNode fetch) =>
        rootPlans.GetValue(fetch, node => BuildRoot(node) ?? None) as RootFetchCachePlan;

    private EntityFetchCachePlan? BuildEntities(FetchNode fetch)
    {
        // Representations with @requires fields: what the subgraph answers depends on more than the key.
        if (!fetch.IsEntityFetch || fetch.Keys is not null)
        {
            return null;
        }

        var types = new Dictionary<string, TypeCachePlan>(StringComparer.Ordinal);
        var remainder = new List<SelectionNode>();
        var topRemainder = false;
        foreach (var selection in fetch.Selection.Selections)
        {
            if (selection is InlineFragmentNode { TypeCondition: { } condition, Directives.Count: 0 } fragment
                && !types.ContainsKey(condition.Name.Value)
                && Plan(condition.Name.Value, fragment.SelectionSet, out var kept) is { } plan)
            {
                types[plan.Type] = plan;
                if (kept.Count > 0)
                {
                    remainder.Add(fragment with { SelectionSet = new SelectionSetNode(kept) });
                }
            }
            else if (selection is InlineFragmentNode { TypeCondition: not null })
            {
                // A type the cache serves nothing of: its entities are never cached, so they go in full.
                remainder.Add(selection);
            }
            else if (selection is FieldNode { Name.Value: "__typename", Directives.Count: 0 })
            {
                // Answered from the representation for cached entities: the subgraph answers it for the others.
                continue;
            }
            else
            {
                topRemainder = true;
                remainder.Add(selection);
            }
        }

        if (types.Count == 0)
        {
            return null;
        }

        var operation = (OperationDefinitionNode)Parser.Parse(fetch.OperationText).Definitions[0];
        string? remainderText = null;
        string? combinedText = null;
        var cachedVariable = "cachedRepresentations";
        while (operation.VariableDefinitions.Any(definition => definition.Variable.Name.Value == cachedVariable))
        {
            cachedVariable += "_";
        }

        if (remainder.Count > 0)
        {
            var remainderSelection = new SelectionSetNode(remainder);
            var used = new HashSet<string>(StringComparer.Ordinal) { "representations" };
            QueryPlanner.VariablesIn(remainderSelection, used);
            remainderText = Printer.Print(operation with
            {
                VariableDefinitions = [.. operation.VariableDefinitions.Where(d => used.Contains(d.Variable.Name.Value))],
                SelectionSet = new SelectionSetNode([Entities(null, "representations", remainderSelection)]),
            });
            var representations = operation.VariableDefinitions.First(d => d.Variable.Name.Value == "representations");
            combinedText = Printer.Print(operation with
            {
                VariableDefinitions = [.. operation.VariableDefinitions, representations with { Variable = new VariableNode(new NameNode(cachedVariable)) }],
                SelectionSet = new SelectionSetNode([
                    Entities(null, "representations", fetch.Selection),
                    Entities(EntityFetchCachePlan.CachedAlias, cachedVariable, remainderSelection),
                ]),
            });
        }

        return new EntityFetchCachePlan(types, topRemainder, remainderText, combinedText, cachedVariable);
    }

    private RootFetchCachePlan? BuildRoot(FetchNode fetch)
    {
        if (fetch.IsEntityFetch || fetch.Operation != OperationType.Query || fetch.Selection.Selections.Count == 0
            || planning.Api.GetRootType(OperationType.Query) is not { } query)
        {
            return null;
        }

        var lookups = new List<RootLookup>(fetch.Selection.Selections.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selection in fetch.Selection.Selections)
        {
            if (selection is not FieldNode { Directives.Count: 0, Arguments: [var argument], SelectionSet: { } nested } field
                || FieldOf(query, field.Name.Value) is not { } definition
                || definition.Type.Named is not ObjectType type
                || !Cacheable(catalogue.ResourceOf(query.Name, field.Name.Value))
                || !Cacheable(catalogue.ResourceOf(query.Name, field.Name.Value, argument.Name.Value))
                || KeyField(type.Name, fetch.Subgraph) is not { } keyField
                || LookupKind(definition, argument.Name.Value, type, keyField) is not { } kind
                || Plan(type.Name, nested, out _) is not { } plan)
            {
                return null;
            }

            names.Add(field.ResponseName);
            foreach (var item in nested.Selections)
            {
                if (item is FieldNode child)
                {
                    names.Add(child.ResponseName);
                }
            }

            lookups.Add(new RootLookup(field.ResponseName, keyField, argument.Value, plan, field, kind.List ? kind.ArgumentType : null));
        }

        var operation = (OperationDefinitionNode)Parser.Parse(fetch.OperationText).Definitions[0];
        var keyAlias = "_cacheKey";
        while (names.Contains(keyAlias))
        {
            keyAlias += "_";
        }

        var keysVariable = "cacheKeys";
        while (operation.VariableDefinitions.Any(definition => definition.Variable.Name.Value.StartsWith(keysVariable, StringComparison.Ordinal)))
        {
            keysVariable += "_";
        }

        return new RootFetchCachePlan([.. lookups], operation, keyAlias, keysVariable);
    }

    /// <summary>
    /// Whether <paramref name="field"/> looks <paramref name="type"/> up by its key <paramref name="keyField"/>: one
    /// entity by an argument named as the key (<c>person(idNumber:)</c>, returning the type), or a list of them by an
    /// argument named as the key or its plural and holding a list of the key's type (<c>personsByIdNumbers(idNumbers:
    /// [IdNumber!]!)</c>), returning a list of the type with nullable items — one item per key asked, in order, null
    /// for a key the subgraph does not hold (answers that do not show it are not kept). Null for anything else.
    /// </summary>
    private static (bool List, TypeNode ArgumentType)? LookupKind(OutputField field, string argument, ObjectType type, string keyField)
    {
        if (FieldOf(type, keyField) is not { } key || field.Arguments is not [var defined] || defined.Name != argument)
        {
            return null;
        }

        if (field.Type.Nullable is not ListType list)
        {
            return argument == keyField && defined.Type.Nullable is not ListType ? (false, NamedTypeOf(defined.Type)) : null;
        }

        return list.OfType is not NonNullType and not ListType
            && (argument == keyField || argument == keyField + "s")
            && defined.Type.Nullable is ListType { OfType: var item } && item.Nullable is not ListType && item.Named.Name == key.Type.Named.Name
            ? (true, TypeNodeOf(defined.Type))
            : null;
    }

    private static TypeNode NamedTypeOf(GraphQLType type) => new NamedTypeNode(new NameNode(type.Named.Name));

    private static TypeNode TypeNodeOf(GraphQLType type) => type switch
    {
        NonNullType nonNull => new NonNullTypeNode(TypeNodeOf(nonNull.OfType)),
        ListType list => new ListTypeNode(TypeNodeOf(list.OfType)),
        _ => new NamedTypeNode(new NameNode(type.Named.Name)),
    };

    /// <summary>The field of a one-field key by which <paramref name="subgraph"/> resolves <paramref name="type"/>; null for none or a compound key.</summary>
    private string? KeyField(string type, string subgraph) =>
        planning.ResolvableKey(type, subgraph) is { Selections: [FieldNode { SelectionSet: null, Alias: null } key] } ? key.Name.Value : null;

    /// <summary>The plan of <paramref name="selection"/> on <paramref name="type"/>; <paramref name="remainder"/> the selections the cache does not serve. Null when it serves none.</summary>
    private TypeCachePlan? Plan(string type, SelectionSetNode selection, out List<SelectionNode> remainder)
    {
        remainder = [];
        var fields = new List<CachedField>();
        var typenames = new List<string>();
        var parent = planning.Api.GetType(type) as FieldsType;
        foreach (var node in selection.Selections)
        {
            if (node is FieldNode { Directives.Count: 0 } field)
            {
                if (field.Name.Value == "__typename")
                {
                    typenames.Add(field.ResponseName);
                    continue;
                }

                var resource = catalogue.ResourceOf(type, field.Name.Value);
                if (field.Arguments.Count == 0 && parent is not null && Cacheable(resource) && Shape(parent, field) is { } shape)
                {
                    fields.Add(new CachedField(shape, resource!.Id, options.TtlOf(resource.UpdateFrequency)!.Value));
                    continue;
                }
            }

            remainder.Add(node);
        }

        return fields.Count == 0 ? null : new TypeCachePlan(type, [.. fields], [.. typenames], remainder.Count > 0);
    }

    /// <summary>The shape of <paramref name="field"/> on <paramref name="parent"/>; null when something nested in it is not cached.</summary>
    private CachedShape? Shape(FieldsType parent, FieldNode field)
    {
        if (field.SelectionSet is null)
        {
            return new CachedShape(field.ResponseName, field.Name.Value, field.Name.Value, null);
        }

        // Only objects: what a union or an interface holds depends on the runtime type.
        if (FieldOf(parent, field.Name.Value)?.Type.Named is not ObjectType nested)
        {
            return null;
        }

        var children = new List<CachedShape>(field.SelectionSet.Selections.Count);
        foreach (var node in field.SelectionSet.Selections)
        {
            if (node is not FieldNode { Directives.Count: 0, Arguments.Count: 0 } child)
            {
                return null;
            }

            if (child.Name.Value == "__typename")
            {
                children.Add(new CachedShape(child.ResponseName, "__typename", "__typename", null));
                continue;
            }

            if (!Cacheable(catalogue.ResourceOf(nested.Name, child.Name.Value)) || Shape(nested, child) is not { } childShape)
            {
                return null;
            }

            children.Add(childShape);
        }

        var signature = field.Name.Value + "{" + string.Join(' ', children.Select(child => child.Signature)) + "}";
        return new CachedShape(field.ResponseName, field.Name.Value, signature, [.. children]);
    }

    /// <summary>Only unconditional resources are cached, and REAL_TIME ones only while change events evict them.</summary>
    private bool Cacheable(CatalogueResource? resource) =>
        resource is { Class: ShareClass.Unconditional } && options.TtlOf(resource.UpdateFrequency) is not null;

    private static OutputField? FieldOf(FieldsType type, string name)
    {
        foreach (var field in type.Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }

        return null;
    }

    private static FieldNode Entities(string? alias, string variable, SelectionSetNode selection) =>
        new(
            alias is null ? null : new NameNode(alias),
            new NameNode("_entities"),
            [new ArgumentNode(new NameNode("representations"), new VariableNode(new NameNode(variable)))],
            [],
            selection);
}
