namespace Federation.Subgraphs.Licences.Domain;

/// <summary>Whom a licence is issued to; the names are the GraphQL enum's.</summary>
internal enum HolderKind
{
    Person,
    LegalPerson,
}

/// <summary>
/// The holder of a licence by key: a person's identity number or a legal person's credit code.
/// The kind keeps the two key spaces apart (both are 18 characters).
/// </summary>
internal readonly record struct LicenceHolder(HolderKind Kind, string Key)
{
    public static LicenceHolder Person(string idNumber) => new(HolderKind.Person, idNumber);

    public static LicenceHolder LegalPerson(string creditCode) => new(HolderKind.LegalPerson, creditCode);
}

internal static class HolderKinds
{
    public static string Name(HolderKind kind) => kind == HolderKind.Person ? "PERSON" : "LEGAL_PERSON";

    public static HolderKind Parse(string name) => name switch
    {
        "PERSON" => HolderKind.Person,
        "LEGAL_PERSON" => HolderKind.LegalPerson,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a holder kind."),
    };
}
