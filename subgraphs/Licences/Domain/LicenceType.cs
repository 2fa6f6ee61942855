namespace Federation.Subgraphs.Licences.Domain;

/// <summary>
/// A type of licence in the catalogue of electronic licences. <see cref="AgencyRole"/> names the
/// role of the agency that issues it (the demo world's agency roles); <see cref="ValidYears"/> is
/// how long a licence of the type runs, null for 长期 (without limit).
/// </summary>
internal sealed record LicenceType(
    string Code,
    string Name,
    HolderKind HolderKind,
    string AgencyRole,
    int? ValidYears,
    IReadOnlyList<LicenceItemDefinition> ItemDefinitions)
{
    public LicenceItemDefinition? Definition(string key)
    {
        foreach (var definition in ItemDefinitions)
        {
            if (definition.Key == key)
            {
                return definition;
            }
        }

        return null;
    }
}

/// <summary>An item a licence type defines: its key, its printed label, whether every licence carries it.</summary>
internal sealed record LicenceItemDefinition(string Key, string Label, bool Required);

/// <summary>One item of a licence as printed.</summary>
internal sealed record LicenceItem(string Key, string Label, string Value);
