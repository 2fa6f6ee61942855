using Federation.Gateway.Composition;

namespace Federation.Gateway.Catalogue;

/// <summary>
/// The codes of the share catalogue's errors, each with one factory: those of reading
/// <c>schema/catalogue.yaml</c> (<see cref="CatalogueError"/>, with the YAML line) and those of checking
/// that it covers a supergraph, which are composition errors (<see cref="CompositionError"/>, with the
/// coordinates and the subgraphs).
/// </summary>
internal static class CatalogueErrorCodes
{
    // Reading the file.
    public const string InvalidYamlCode = "CATALOGUE_INVALID_YAML";
    public const string UnknownKeyCode = "CATALOGUE_UNKNOWN_KEY";
    public const string MissingKeyCode = "CATALOGUE_MISSING_KEY";
    public const string InvalidValueCode = "CATALOGUE_INVALID_VALUE";
    public const string DuplicateIdCode = "CATALOGUE_DUPLICATE_ID";
    public const string DuplicateAgencyCode = "CATALOGUE_DUPLICATE_AGENCY";
    public const string UnknownAgencyCode = "CATALOGUE_UNKNOWN_AGENCY";
    public const string ConditionsRequiredCode = "CATALOGUE_CONDITIONS_REQUIRED";
    public const string ConditionsNotAllowedCode = "CATALOGUE_CONDITIONS_NOT_ALLOWED";
    public const string LegalBasisRequiredCode = "CATALOGUE_LEGAL_BASIS_REQUIRED";
    public const string LegalBasisNotAllowedCode = "CATALOGUE_LEGAL_BASIS_NOT_ALLOWED";
    public const string EmptyPurposesCode = "CATALOGUE_EMPTY_PURPOSES";
    public const string InvalidCoordinateCode = "CATALOGUE_INVALID_COORDINATE";

    // Checking the catalogue against a supergraph (composition).
    public const string FieldUncoveredCode = "CATALOGUE_FIELD_UNCOVERED";
    public const string FieldCoveredTwiceCode = "CATALOGUE_FIELD_COVERED_TWICE";
    public const string UnknownFieldCode = "CATALOGUE_UNKNOWN_FIELD";
    public const string WrongProviderCode = "CATALOGUE_WRONG_PROVIDER";
    public const string SubgraphWithoutProviderCode = "CATALOGUE_SUBGRAPH_WITHOUT_PROVIDER";
    public const string NotSharedRequiredFieldCode = "CATALOGUE_NOT_SHARED_REQUIRED_FIELD";
    public const string NotSharedEmptiesTypeCode = "CATALOGUE_NOT_SHARED_EMPTIES_TYPE";
    public const string InvalidDivisionPathCode = "CATALOGUE_INVALID_DIVISION_PATH";
    public const string DivisionFieldMissingCode = "CATALOGUE_DIVISION_FIELD_MISSING";
    public const string RowScopedWithoutRowsCode = "CATALOGUE_ROW_SCOPED_WITHOUT_ROWS";
    public const string InvalidSubjectCode = "CATALOGUE_INVALID_SUBJECT";

    // Drafting the entries of a new subgraph (`catalogue draft`).
    public const string DraftUnknownSubgraphCode = "CATALOGUE_DRAFT_UNKNOWN_SUBGRAPH";
    public const string DraftUnknownAgencyCode = "CATALOGUE_DRAFT_UNKNOWN_AGENCY";
    public const string DraftSubgraphOfAnotherAgencyCode = "CATALOGUE_DRAFT_SUBGRAPH_OF_ANOTHER_AGENCY";

    public static CatalogueError InvalidYaml(int line, string why) =>
        new(InvalidYamlCode, "The file is not valid YAML: " + why, null, line);

    public static CatalogueError UnknownKey(string? resource, int line, string key, string where, IEnumerable<string> known) =>
        new(UnknownKeyCode, $"Unknown key \"{key}\" in {where}; the keys are {string.Join(", ", known)}.", resource, line);

    public static CatalogueError MissingKey(string? resource, int line, string key, string where) =>
        new(MissingKeyCode, $"{where} has no \"{key}\".", resource, line);

    public static CatalogueError InvalidValue(string? resource, int line, string key, string value, string expected) =>
        new(InvalidValueCode, $"\"{key}\" is {value}; expected {expected}.", resource, line);

    public static CatalogueError DuplicateId(string resource, int line, int firstLine) =>
        new(DuplicateIdCode, $"The id is used already by the resource at line {firstLine}.", resource, line);

    public static CatalogueError DuplicateAgency(string code, int line, int firstLine) =>
        new(DuplicateAgencyCode, $"Agency {code} is listed already at line {firstLine}.", null, line);

    public static CatalogueError UnknownAgency(string? resource, int line, string key, string code) =>
        new(UnknownAgencyCode, $"\"{key}\" names agency {code}, which is not in agencies.", resource, line);

    public static CatalogueError ConditionsRequired(string resource, int line) =>
        new(ConditionsRequiredCode, "A CONDITIONAL resource states its conditions (agencies, purposes, applicationRequired, divisionScoped).", resource, line);

    public static CatalogueError ConditionsNotAllowed(string resource, int line, string shareClass) =>
        new(ConditionsNotAllowedCode, $"A {shareClass} resource has no conditions; only CONDITIONAL ones do.", resource, line);

    public static CatalogueError LegalBasisRequired(string resource, int line) =>
        new(LegalBasisRequiredCode, "A NOT_SHARED resource cites the law, regulation or State Council policy it rests on (Kaifeng art. 11; Zhengzhou art. 14) in legalBasis.", resource, line);

    public static CatalogueError LegalBasisNotAllowed(string resource, int line, string shareClass) =>
        new(LegalBasisNotAllowedCode, $"A {shareClass} resource is shared; only NOT_SHARED ones cite a legal basis for not sharing.", resource, line);

    public static CatalogueError EmptyPurposes(string resource, int line) =>
        new(EmptyPurposesCode, "A conditional resource permits at least one purpose (Kaifeng art. 14).", resource, line);

    public static CatalogueError InvalidCoordinate(string resource, int line, string coordinate) =>
        new(InvalidCoordinateCode, $"\"{coordinate}\" is not a schema coordinate: Type.field (a field or an input field) or Type.field(argument:).", resource, line);

    /// <param name="kind">What the coordinate names: "Field", "Argument" or "Input field" — one code for the three, as one rule covers them.</param>
    public static CompositionError FieldUncovered(string coordinate, IReadOnlyList<string> subgraphs, string kind = "Field") =>
        new(FieldUncoveredCode,
            $"{kind} \"{coordinate}\" is covered by no resource of the share catalogue. For a subgraph that joins, the gateway's " +
            $"`{CatalogueDraft.Command} --subgraph {(subgraphs.Count > 0 ? subgraphs[0] : "<name>")} --agency <credit code>` writes CONDITIONAL entries for every coordinate no resource covers, to edit and add.",
            subgraphs,
            [coordinate]);

    public static CompositionError FieldCoveredTwice(string coordinate, IReadOnlyList<string> resources, IReadOnlyList<string> subgraphs, string kind = "Field") =>
        new(FieldCoveredTwiceCode, $"{kind} \"{coordinate}\" is covered by {resources.Count} resources of the share catalogue ({string.Join(", ", resources)}); it must be covered by exactly one.", subgraphs, [coordinate]);

    public static CompositionError UnknownField(string coordinate, string resource) =>
        new(UnknownFieldCode, $"Resource {resource} lists \"{coordinate}\", which is not a field, argument or input field of the supergraph.", [], [coordinate]);

    public static CompositionError WrongProvider(string coordinate, string resource, string provider, IReadOnlyList<string> subgraphs, string why, string kind = "field") =>
        new(WrongProviderCode, $"Resource {resource} is provided by {provider}, but {kind} \"{coordinate}\" {why}.", subgraphs, [coordinate]);

    public static CompositionError SubgraphWithoutProvider(string subgraph) =>
        new(SubgraphWithoutProviderCode, $"Subgraph \"{subgraph}\" has no providing agency in the catalogue's subgraphs.", [subgraph], []);

    public static CompositionError NotSharedRequiredField(string coordinate, string resource, string why, string kind = "field") =>
        new(NotSharedRequiredFieldCode, $"Resource {resource} is NOT_SHARED, but {kind} \"{coordinate}\" {why}, so it cannot leave the public schema.", [], [coordinate]);

    public static CompositionError NotSharedEmptiesType(string type, string resource) =>
        new(NotSharedEmptiesTypeCode, $"Resource {resource} is NOT_SHARED and covers every field of type \"{type}\", which would leave the type empty in the public schema.", [], [type]);

    public static CompositionError InvalidDivisionPath(string type, string path, string why) =>
        new(InvalidDivisionPathCode, $"divisionFields gives \"{path}\" for type \"{type}\": {why}.", [], [type]);

    public static CompositionError DivisionFieldMissing(string coordinate, string resource, string type) =>
        new(DivisionFieldMissingCode, $"Resource {resource} is division-scoped but field \"{coordinate}\" is on type \"{type}\", which has no entry in divisionFields: its rows have no division to compare.", [], [coordinate]);

    public static CompositionError InvalidSubject(string type, string field, string why) =>
        new(InvalidSubjectCode, $"subjects names \"{field}\" as the identifier of type \"{type}\": {why}.", [], [type]);

    public static CompositionError RowScopedWithoutRows(string coordinate, string resource, string why) =>
        new(RowScopedWithoutRowsCode, $"Resource {resource} is row-scoped, but \"{coordinate}\" {why}: only fields of the rows a subgraph withholds can be.", [], [coordinate]);

    public static CatalogueDraftRefusal DraftUnknownSubgraph(string subgraph, IEnumerable<string> known) =>
        new(DraftUnknownSubgraphCode, $"The supergraph has no subgraph \"{subgraph}\"; it has {string.Join(", ", known)}. Compose the new subgraph with the others first.");

    public static CatalogueDraftRefusal DraftUnknownAgency(string agency, string why) =>
        new(DraftUnknownAgencyCode,
            $"Agency {agency} {why}. Only an agency of the catalogue's registry (`token --list`) provides resources: the competent department registers it under agencies (code, name, englishName, division) first.");

    public static CatalogueDraftRefusal DraftSubgraphOfAnotherAgency(string subgraph, string agency, string registered) =>
        new(DraftSubgraphOfAnotherAgencyCode, $"The catalogue gives subgraph \"{subgraph}\" to agency {registered}, not {agency}: a subgraph is one agency's system (subgraphs:).");
}
