using Federation.Gateway.Catalogue;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The catalogue resource of every field of one served schema, keyed by the schema's field
/// object, so the per-request walk looks a field up without building its coordinate string.
/// Fields the catalogue does not cover (introspection, the platform's own fields) are absent.
/// </summary>
internal sealed class CatalogueFields
{
    private readonly Dictionary<OutputField, CatalogueResource> resources = new(ReferenceEqualityComparer.Instance);

    public CatalogueFields(Schema schema, ShareCatalogue catalogue)
    {
        Schema = schema;
        Catalogue = catalogue;
        foreach (var type in schema.Types)
        {
            if (type is not FieldsType fields || type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var field in fields.Fields)
            {
                if (catalogue.ResourceOf(type.Name, field.Name) is { } resource)
                {
                    resources[field] = resource;
                }
            }
        }
    }

    public Schema Schema { get; }

    public ShareCatalogue Catalogue { get; }

    public CatalogueResource? ResourceOf(OutputField field) => resources.GetValueOrDefault(field);
}
