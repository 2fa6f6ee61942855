using System.Collections.Concurrent;
using Federation.Gateway.Catalogue;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The catalogue resource of every field, argument and input field of one served schema, keyed by
/// the schema's own objects, so the per-request walk looks them up without building coordinate
/// strings. Elements the catalogue does not cover (introspection, the platform's own fields) are absent.
/// </summary>
internal sealed class CatalogueFields
{
    private readonly Dictionary<OutputField, CatalogueResource> resources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InputValue, CatalogueResource> inputs = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<InputObjectType, CatalogueResource[]> within = new(ReferenceEqualityComparer.Instance);

    public CatalogueFields(Schema schema, ShareCatalogue catalogue)
    {
        Schema = schema;
        Catalogue = catalogue;
        foreach (var type in schema.Types)
        {
            if (type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            if (type is InputObjectType input)
            {
                foreach (var field in input.Fields)
                {
                    if (catalogue.ResourceOf(type.Name, field.Name) is { } resource)
                    {
                        inputs[field] = resource;
                    }
                }

                continue;
            }

            if (type is not FieldsType fields)
            {
                continue;
            }

            foreach (var field in fields.Fields)
            {
                if (catalogue.ResourceOf(type.Name, field.Name) is { } resource)
                {
                    resources[field] = resource;
                }

                foreach (var argument in field.Arguments)
                {
                    if (catalogue.ResourceOf(type.Name, field.Name, argument.Name) is { } argumentResource)
                    {
                        inputs[argument] = argumentResource;
                    }
                }
            }
        }
    }

    public Schema Schema { get; }

    public ShareCatalogue Catalogue { get; }

    public CatalogueResource? ResourceOf(OutputField field) => resources.GetValueOrDefault(field);

    /// <summary>The resource of an argument or an input field.</summary>
    public CatalogueResource? ResourceOf(InputValue value) => inputs.GetValueOrDefault(value);

    /// <summary>
    /// The resources of every input field a value of <paramref name="type"/> can hold, nested input
    /// types included: what a variable of that type may use, whose decisions a request may need.
    /// </summary>
    public CatalogueResource[] ResourcesWithin(InputObjectType type) => within.GetOrAdd(type, t =>
    {
        var found = new List<CatalogueResource>();
        var seen = new HashSet<InputObjectType>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<InputObjectType>();
        pending.Push(t);
        seen.Add(t);
        while (pending.TryPop(out var next))
        {
            foreach (var field in next.Fields)
            {
                if (ResourceOf(field) is { } resource && !found.Contains(resource))
                {
                    found.Add(resource);
                }

                if (field.Type.Named is InputObjectType nested && seen.Add(nested))
                {
                    pending.Push(nested);
                }
            }
        }

        return [.. found];
    });
}
