namespace Federation.Gateway.Catalogue;

/// <summary>
/// The share catalogue (<c>schema/catalogue.yaml</c>): the single source of the share-condition
/// rules. Looks a schema coordinate — a field, an argument, an input field — up to the one resource that covers it.
/// </summary>
internal sealed class ShareCatalogue
{
    private readonly Dictionary<string, CatalogueResource> byField = new(StringComparer.Ordinal);

    // Keyed by the two names so that authorizing a field occurrence concatenates nothing.
    private readonly Dictionary<(string Type, string Field), CatalogueResource> byTypeAndField = [];
    private readonly Dictionary<(string Type, string Field, string Argument), CatalogueResource> byArgument = [];
    private readonly Dictionary<string, CatalogueResource> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogueAgency> agencies = new(StringComparer.Ordinal);
    private readonly HashSet<string> providers = new(StringComparer.Ordinal);

    /// <param name="divisionFields">Per object type, the path of the row's division code (e.g. <c>Person</c> → <c>registeredDivision.code</c>), for division-scoped resources.</param>
    /// <param name="subgraphs">Per subgraph name, the credit code of the agency whose system it is; composition checks each resource's fields come from a subgraph of its provider.</param>
    /// <param name="subjects">Per object type, the field identifying the data subject of its objects and the identifier's kind (<c>subjects:</c>), for the audit trail.</param>
    public ShareCatalogue(
        IReadOnlyList<CatalogueAgency> agencies,
        IReadOnlyDictionary<string, string> divisionFields,
        IReadOnlyList<CatalogueResource> resources,
        IReadOnlyDictionary<string, string>? subgraphs = null,
        IReadOnlyDictionary<string, DataSubject>? subjects = null)
    {
        Agencies = agencies;
        Subgraphs = subgraphs ?? new Dictionary<string, string>(StringComparer.Ordinal);
        Subjects = subjects ?? new Dictionary<string, DataSubject>(StringComparer.Ordinal);
        DivisionFields = divisionFields;
        Resources = resources;
        foreach (var agency in agencies)
        {
            this.agencies.TryAdd(agency.Code, agency);
        }

        foreach (var resource in resources)
        {
            byId.TryAdd(resource.Id, resource);
            providers.Add(resource.Provider);
            foreach (var field in resource.Fields)
            {
                byField.TryAdd(field, resource);
                if (!SchemaCoordinate.TryParse(field, out var coordinate))
                {
                    continue;
                }

                if (coordinate.Argument is { } argument)
                {
                    byArgument.TryAdd((coordinate.Type, coordinate.Field, argument), resource);
                }
                else
                {
                    byTypeAndField.TryAdd((coordinate.Type, coordinate.Field), resource);
                }
            }
        }
    }

    public IReadOnlyList<CatalogueAgency> Agencies { get; }

    public IReadOnlyDictionary<string, string> DivisionFields { get; }

    /// <summary>Object type → the field identifying its objects' data subject and the identifier's kind; empty when the catalogue names none.</summary>
    public IReadOnlyDictionary<string, DataSubject> Subjects { get; }

    /// <summary>Subgraph name → credit code of its providing agency.</summary>
    public IReadOnlyDictionary<string, string> Subgraphs { get; }

    public IReadOnlyList<CatalogueResource> Resources { get; }

    /// <summary>The resource covering <paramref name="coordinate"/> (<c>Type.field</c> or <c>Type.field(argument:)</c>); null when none does.</summary>
    public CatalogueResource? ResourceOf(string coordinate) => byField.GetValueOrDefault(coordinate);

    /// <summary>The resource covering a field or an input field.</summary>
    public CatalogueResource? ResourceOf(string typeName, string fieldName) => byTypeAndField.GetValueOrDefault((typeName, fieldName));

    /// <summary>The resource covering an argument of a field.</summary>
    public CatalogueResource? ResourceOf(string typeName, string fieldName, string argumentName) => byArgument.GetValueOrDefault((typeName, fieldName, argumentName));

    public CatalogueResource? Resource(string id) => byId.GetValueOrDefault(id);

    public CatalogueAgency? Agency(string code) => agencies.GetValueOrDefault(code);

    /// <summary>Whether the agency provides at least one resource of the catalogue (and so may approve applications for it).</summary>
    public bool Provides(string agency) => providers.Contains(agency);
}
