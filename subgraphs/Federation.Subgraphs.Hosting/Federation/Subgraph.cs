using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.Protocol.Spec;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// An Apollo Federation v2 subgraph: the executable schema built from the subgraph's SDL plus the
/// federation additions (<c>_service</c>, <c>_entities</c>, <c>_Entity</c>, <c>_Any</c>, the
/// directive definitions), and the entity resolvers <c>_entities</c> calls.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/subgraph-spec
/// <code>
/// var subgraph = Subgraph.FromSdl(sdl)
///     .Bind("Query.person", ...)
///     .Entity("Person", async (representations, context) => ...);
/// </code>
/// </summary>
public sealed class Subgraph
{
    private readonly Dictionary<string, EntityType> entities;

    // The type each entity resolver's answer belongs to, for the _Entity union: resolvers return
    // plain objects that need not carry a __typename.
    private readonly ConditionalWeakTable<object, string> entityTypeOf = [];

    private Subgraph(string sdl, Schema schema, Dictionary<string, EntityType> entities)
    {
        Sdl = sdl;
        Schema = schema;
        this.entities = entities;
    }

    /// <summary>The SDL as written, which <c>_service { sdl }</c> answers.</summary>
    public string Sdl { get; }

    /// <summary>The executable schema, federation additions included.</summary>
    public Schema Schema { get; }

    /// <summary>The object types with a <c>@key</c>: the members of <c>_Entity</c>.</summary>
    public IReadOnlyCollection<string> EntityTypes => entities.Keys;

    /// <summary>
    /// Builds the subgraph from SDL that links Federation v2. Each <c>scalar X</c> the SDL declares
    /// is implemented by the scalar named X in <paramref name="scalars"/>, else by the agency scalar
    /// of that name (<see cref="AgencyScalars.All"/>: IdNumber, CreditCode, DivisionCode, Date,
    /// DateTime, GeoJSON), else passes values through unchecked.
    /// </summary>
    /// <exception cref="ArgumentException">No federation link, an unknown import, or a <c>@key</c> whose fields do not exist.</exception>
    /// <exception cref="InvalidSdlException">The SDL (with the additions) is not a valid schema.</exception>
    public static Subgraph FromSdl([StringSyntax("graphql")] string sdl, IEnumerable<ScalarType>? scalars = null)
    {
        var document = SubgraphDocument.Parse(sdl);
        var schema = AgencyScalars.BuildSchema(document.Document, Implementations(scalars));
        var entities = new Dictionary<string, EntityType>(StringComparer.Ordinal);
        foreach (var (typeName, keys) in document.ResolvableKeys(schema))
        {
            entities[typeName] = new EntityType(typeName, keys);
        }

        var subgraph = new Subgraph(sdl, schema, entities);
        var service = new Dictionary<string, object?> { ["sdl"] = sdl };
        schema.Bind("Query._service", _ => new ValueTask<object?>(service));
        if (entities.Count > 0)
        {
            schema.Bind("Query._entities", GuardedResolver.Wrap(subgraph.ResolveEntitiesAsync));
            schema.BindType("_Entity", subgraph.EntityTypeName);
        }

        return subgraph;
    }

    /// <summary>
    /// Sets the resolver of a field by coordinate, e.g. <c>"Query.person"</c>, inside the
    /// <see cref="GuardedResolver"/>: text arguments PostgreSQL cannot store are refused
    /// (<c>INVALID_TEXT</c>) and unexpected failures answered without their details (<c>INTERNAL_SERVER_ERROR</c>).
    /// </summary>
    public Subgraph Bind(string coordinate, FieldResolver resolver)
    {
        Schema.Bind(coordinate, GuardedResolver.Wrap(resolver));
        return this;
    }

    /// <summary>
    /// Registers the batch resolver of the entity type <paramref name="typeName"/>: each
    /// <c>_entities</c> call hands it all that type's representations at once.
    /// </summary>
    /// <exception cref="ArgumentException">The type has no <c>@key</c>.</exception>
    public Subgraph Entity(string typeName, EntityBatchResolver resolver)
    {
        if (!entities.TryGetValue(typeName, out var entity))
        {
            throw new ArgumentException($"\"{typeName}\" is not an entity of this subgraph (an object type with @key).", nameof(typeName));
        }

        entity.Resolver = resolver;
        return this;
    }

    /// <summary>
    /// Registers an entity resolver that looks entities up by key: <paramref name="keyOf"/> reads
    /// each representation's key, <paramref name="fetch"/> gets the distinct keys of the batch at
    /// once (one <c>WHERE id = ANY(@ids)</c>) and answers the entities it found by key.
    /// </summary>
    public Subgraph Entity<TKey>(
        string typeName,
        Func<Representation, TKey> keyOf,
        Func<IReadOnlyList<TKey>, EntityBatchContext, ValueTask<IReadOnlyDictionary<TKey, object>>> fetch)
        where TKey : notnull =>
        Entity(typeName, async (representations, context) =>
        {
            var keys = new TKey[representations.Count];
            var distinct = new List<TKey>(representations.Count);
            var seen = new HashSet<TKey>();
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = keyOf(representations[i]);
                if (seen.Add(keys[i]))
                {
                    distinct.Add(keys[i]);
                }
            }

            var found = await fetch(distinct, context).ConfigureAwait(false);
            var entities = new object?[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                entities[i] = found.TryGetValue(keys[i], out var entity) ? entity : null;
            }

            return entities;
        });

    /// <summary>Throws when an entity type with a resolvable key has no resolver; the host calls it before serving.</summary>
    public void EnsureComplete()
    {
        var missing = entities.Values.Where(e => e.Resolvable && e.Resolver is null).Select(e => e.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The subgraph has no entity resolver for {string.Join(", ", missing)}: call subgraph.Entity(\"{missing[0]}\", ...).");
        }
    }

    private async ValueTask<object?> ResolveEntitiesAsync(ResolveContext context)
    {
        var representations = (IReadOnlyList<object?>)context.Arguments["representations"]!;
        var batchContext = new EntityBatchContext(context.Context, context.Services, context.CancellationToken);
        var results = new object?[representations.Count];
        var batches = EntityBatches.Group(entities, representations, results);

        var pending = new List<Task>(batches.Count);
        foreach (var batch in batches)
        {
            pending.Add(ResolveBatchAsync(batch, batchContext, results));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        return results;
    }

    private async Task ResolveBatchAsync(EntityBatch batch, EntityBatchContext context, object?[] results)
    {
        IReadOnlyList<object?> found;
        try
        {
            found = await batch.Type.Resolver!(batch.Representations, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var reported = GuardedResolver.Describe(exception, context, batch.Type.Name);
            foreach (var representation in batch.Representations)
            {
                results[representation.Index] = reported;
            }

            return;
        }

        for (var i = 0; i < batch.Representations.Count; i++)
        {
            var index = batch.Representations[i].Index;
            if (found.Count != batch.Representations.Count)
            {
                results[index] = FederationErrorCodes.Error(
                    FederationErrorCodes.EntityResolverContract,
                    $"The entity resolver of \"{batch.Type.Name}\" answered {found.Count} entries for {batch.Representations.Count} representations.");
                continue;
            }

            var entity = found[i] is Exception failure ? GuardedResolver.Describe(failure, context, batch.Type.Name) : found[i];
            if (entity is not null and not Exception)
            {
                entityTypeOf.AddOrUpdate(entity, batch.Type.Name);
            }

            results[index] = entity;
        }
    }

    private string? EntityTypeName(object value) =>
        entityTypeOf.TryGetValue(value, out var name) ? name
        : value is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var typename) ? typename as string
        : null;

    /// <summary>The agency scalars, each replaced by the caller's scalar of the same name; the caller's others added.</summary>
    private static IEnumerable<ScalarType> Implementations(IEnumerable<ScalarType>? scalars)
    {
        var byName = new Dictionary<string, ScalarType>(StringComparer.Ordinal);
        foreach (var scalar in AgencyScalars.All())
        {
            byName[scalar.Name] = scalar;
        }

        foreach (var scalar in scalars ?? [])
        {
            byName[scalar.Name] = scalar;
        }

        return byName.Values;
    }

    internal sealed class EntityType(string name, IReadOnlyList<FieldSet> keys)
    {
        public string Name { get; } = name;

        /// <summary>The resolvable keys, in SDL order; a representation must satisfy one of them.</summary>
        public IReadOnlyList<FieldSet> Keys { get; } = keys;

        public bool Resolvable => Keys.Count > 0;

        public EntityBatchResolver? Resolver { get; set; }
    }
}
