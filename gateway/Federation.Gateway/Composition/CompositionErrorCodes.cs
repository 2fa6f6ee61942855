namespace Federation.Gateway.Composition;

/// <summary>
/// The codes of composition errors, Apollo's own (<c>@apollo/federation-internals</c> <c>ERRORS</c>)
/// where the same conflict exists, so a message from either composition reads the same; each code
/// has one factory.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors
/// </summary>
public static class CompositionErrorCodes
{
    public const string InvalidGraphQLCode = "INVALID_GRAPHQL";
    public const string InvalidLinkDirectiveUsageCode = "INVALID_LINK_DIRECTIVE_USAGE";
    public const string DirectiveDefinitionInvalidCode = "DIRECTIVE_DEFINITION_INVALID";
    public const string TypeDefinitionInvalidCode = "TYPE_DEFINITION_INVALID";
    public const string InvalidSubgraphNameCode = "INVALID_SUBGRAPH_NAME";
    public const string KeyInvalidFieldsCode = "KEY_INVALID_FIELDS";
    public const string KeyFieldsSelectInvalidTypeCode = "KEY_FIELDS_SELECT_INVALID_TYPE";
    public const string KeyFieldsHasArgsCode = "KEY_FIELDS_HAS_ARGS";
    public const string RequiresInvalidFieldsCode = "REQUIRES_INVALID_FIELDS";
    public const string RequiresFieldsMissingExternalCode = "REQUIRES_FIELDS_MISSING_EXTERNAL";
    public const string ProvidesInvalidFieldsCode = "PROVIDES_INVALID_FIELDS";
    public const string ProvidesFieldsMissingExternalCode = "PROVIDES_FIELDS_MISSING_EXTERNAL";
    public const string ProvidesOnNonObjectFieldCode = "PROVIDES_ON_NON_OBJECT_FIELD";
    public const string ExternalUnusedCode = "EXTERNAL_UNUSED";
    public const string TypeKindMismatchCode = "TYPE_KIND_MISMATCH";
    public const string ExtensionWithNoBaseCode = "EXTENSION_WITH_NO_BASE";
    public const string TypeWithOnlyUnusedExternalCode = "TYPE_WITH_ONLY_UNUSED_EXTERNAL";
    public const string InvalidFieldSharingCode = "INVALID_FIELD_SHARING";
    public const string FieldTypeMismatchCode = "FIELD_TYPE_MISMATCH";
    public const string ArgumentTypeMismatchCode = "FIELD_ARGUMENT_TYPE_MISMATCH";
    public const string ArgumentDefaultMismatchCode = "FIELD_ARGUMENT_DEFAULT_MISMATCH";
    public const string RequiredArgumentMissingInSomeSubgraphCode = "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH";
    public const string ExternalMissingOnBaseCode = "EXTERNAL_MISSING_ON_BASE";
    public const string ExternalTypeMismatchCode = "EXTERNAL_TYPE_MISMATCH";
    public const string InputFieldDefaultMismatchCode = "INPUT_FIELD_DEFAULT_MISMATCH";
    public const string RequiredInputFieldMissingInSomeSubgraphCode = "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH";
    public const string EmptyMergedInputTypeCode = "EMPTY_MERGED_INPUT_TYPE";
    public const string EmptyMergedEnumTypeCode = "EMPTY_MERGED_ENUM_TYPE";
    public const string EnumValueMismatchCode = "ENUM_VALUE_MISMATCH";
    public const string InterfaceFieldNoImplemCode = "INTERFACE_FIELD_NO_IMPLEM";
    public const string OverrideFromSelfCode = "OVERRIDE_FROM_SELF_ERROR";
    public const string OverrideSourceHasOverrideCode = "OVERRIDE_SOURCE_HAS_OVERRIDE";
    public const string ReferencedInaccessibleCode = "REFERENCED_INACCESSIBLE";
    public const string RequiredInaccessibleCode = "REQUIRED_INACCESSIBLE";
    public const string OnlyInaccessibleChildrenCode = "ONLY_INACCESSIBLE_CHILDREN";
    public const string NoQueriesCode = "NO_QUERIES";
    public const string InvalidShareableUsageCode = "INVALID_SHAREABLE_USAGE";
    public const string InterfaceKeyMissingImplementationTypeCode = "INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE";
    public const string InterfaceKeyNotOnImplementationCode = "INTERFACE_KEY_NOT_ON_IMPLEMENTATION";
    public const string InterfaceObjectUsageErrorCode = "INTERFACE_OBJECT_USAGE_ERROR";
    public const string OverrideCollisionWithAnotherDirectiveCode = "OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE";
    public const string SatisfiabilityErrorCode = "SATISFIABILITY_ERROR";
    public const string AuthRequirementsAppliedOnInterfaceCode = "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE";
    public const string MissingTransitiveAuthRequirementsCode = "MISSING_TRANSITIVE_AUTH_REQUIREMENTS";
    public const string CostAppliedToInterfaceFieldCode = "COST_APPLIED_TO_INTERFACE_FIELD";
    public const string ListSizeAppliedToNonListCode = "LIST_SIZE_APPLIED_TO_NON_LIST";
    public const string ListSizeInvalidAssumedSizeCode = "LIST_SIZE_INVALID_ASSUMED_SIZE";
    public const string ListSizeInvalidSlicingArgumentCode = "LIST_SIZE_INVALID_SLICING_ARGUMENT";
    public const string ListSizeInvalidSizedFieldCode = "LIST_SIZE_INVALID_SIZED_FIELD";

    public const string DirectiveCompositionErrorCode = "DIRECTIVE_COMPOSITION_ERROR";

    // The gateway's own: a directive Apollo's composition carries into the supergraph and this one does not yet.
    public const string UnsupportedFederationDirectiveCode = "UNSUPPORTED_FEDERATION_DIRECTIVE";

    // The gateway's own, for reloads: no composition conflict but no SDL or no supergraph to serve.
    public const string SubgraphSdlUnavailableCode = "SUBGRAPH_SDL_UNAVAILABLE";
    public const string InvalidSupergraphCode = "INVALID_SUPERGRAPH";
    public const string ReloadSourceUnreadableCode = "RELOAD_SOURCE_UNREADABLE";
    public const string ServedSchemaInvalidCode = "SERVED_SCHEMA_INVALID";
    public const string AccessControlNotEnforcedCode = "ACCESS_CONTROL_NOT_ENFORCED";

    // The gateway's own, for the subgraph config (schema/supergraph.yaml).
    public const string SubgraphConfigUnreadableCode = "SUBGRAPH_CONFIG_UNREADABLE";
    public const string SubgraphConfigInvalidYamlCode = "SUBGRAPH_CONFIG_INVALID_YAML";
    public const string SubgraphConfigUnknownKeyCode = "SUBGRAPH_CONFIG_UNKNOWN_KEY";
    public const string SubgraphConfigMissingKeyCode = "SUBGRAPH_CONFIG_MISSING_KEY";
    public const string SubgraphConfigDuplicateKeyCode = "SUBGRAPH_CONFIG_DUPLICATE_KEY";
    public const string SubgraphConfigInvalidValueCode = "SUBGRAPH_CONFIG_INVALID_VALUE";
    public const string SubgraphConfigInvalidNameCode = "SUBGRAPH_CONFIG_INVALID_NAME";
    public const string SubgraphConfigSchemaSourceCode = "SUBGRAPH_CONFIG_SCHEMA_SOURCE";
    public const string SubgraphSchemaFileUnreadableCode = "SUBGRAPH_SCHEMA_FILE_UNREADABLE";

    internal static CompositionError InvalidGraphQL(string subgraph, string message) =>
        new(InvalidGraphQLCode, $"[{subgraph}] {message}", [subgraph], []);

    internal static CompositionError InvalidLinkDirectiveUsage(string subgraph, string message) =>
        new(InvalidLinkDirectiveUsageCode, $"[{subgraph}] {message}", [subgraph], []);

    internal static CompositionError DirectiveDefinitionInvalid(string subgraph, string message) =>
        new(DirectiveDefinitionInvalidCode, $"[{subgraph}] {message}", [subgraph], []);

    internal static CompositionError TypeDefinitionInvalid(string subgraph, string message) =>
        new(TypeDefinitionInvalidCode, $"[{subgraph}] {message}", [subgraph], []);

    /// <summary>A <c>@composeDirective</c> that cannot be honoured, with Apollo's message.</summary>
    internal static CompositionError DirectiveComposition(IReadOnlyList<string> subgraphs, string message) =>
        new(DirectiveCompositionErrorCode, message, subgraphs, []);

    internal static CompositionError UnsupportedFederationDirective(string subgraph, string directive, string element) =>
        new(UnsupportedFederationDirectiveCode, $"[{subgraph}] @{directive} (applied on {element}) is not composed by this gateway yet; Apollo's composition carries it into the supergraph, and composing without it would drop what it means. Remove it or compose with Apollo's tools.", [subgraph], [element]);

    internal static CompositionError AuthRequirementsAppliedOnInterface(string subgraph, string directive, string kind, string element) =>
        new(AuthRequirementsAppliedOnInterfaceCode, $"[{subgraph}] Invalid use of @{directive} on {kind} \"{element}\": @{directive} cannot be applied on interfaces, interface fields and interface objects", [subgraph], [element]);

    internal static CompositionError MissingTransitiveAuthRequirements(string subgraph, string field, string what) =>
        new(MissingTransitiveAuthRequirementsCode, $"[{subgraph}] Field \"{field}\" does not specify necessary @authenticated, @requiresScopes and/or @policy auth requirements to access the transitive {what} from @requires selection set.", [subgraph], [field]);

    /// <summary>One of the demand-control codes (<c>COST_*</c>, <c>LIST_SIZE_*</c>), with Apollo's message.</summary>
    internal static CompositionError DemandControlInvalid(string code, string subgraph, string field, string message) =>
        new(code, $"[{subgraph}] {message}", [subgraph], [field]);

    internal static CompositionError InvalidSubgraphName(string subgraph, string why) =>
        new(InvalidSubgraphNameCode, $"Subgraph name \"{subgraph}\" {why}.", [subgraph], []);

    internal static CompositionError KeyInvalidFields(string subgraph, string type, string fields, string why) =>
        new(KeyInvalidFieldsCode, $"[{subgraph}] On type \"{type}\", for @key(fields: \"{fields}\"): {why}", [subgraph], [type]);

    internal static CompositionError KeyFieldsSelectInvalidType(string subgraph, string type, string fields, string field, string kind) =>
        new(KeyFieldsSelectInvalidTypeCode, $"[{subgraph}] On type \"{type}\", for @key(fields: \"{fields}\"): field \"{field}\" is a {kind} type which is not allowed in @key", [subgraph], [field]);

    internal static CompositionError KeyFieldsHasArgs(string subgraph, string type, string fields, string field) =>
        new(KeyFieldsHasArgsCode, $"[{subgraph}] On type \"{type}\", for @key(fields: \"{fields}\"): field {field} cannot be included because it has arguments (fields with argument are not allowed in @key)", [subgraph], [field]);

    internal static CompositionError RequiresInvalidFields(string subgraph, string field, string fields, string why) =>
        new(RequiresInvalidFieldsCode, $"[{subgraph}] On field \"{field}\", for @requires(fields: \"{fields}\"): {why}", [subgraph], [field]);

    internal static CompositionError RequiresFieldsMissingExternal(string subgraph, string field, string fields, string target) =>
        new(RequiresFieldsMissingExternalCode, $"[{subgraph}] On field \"{field}\", for @requires(fields: \"{fields}\"): field \"{target}\" should not be part of a @requires since it is already provided by this subgraph (it is not marked @external)", [subgraph], [field, target]);

    internal static CompositionError ProvidesInvalidFields(string subgraph, string field, string fields, string why) =>
        new(ProvidesInvalidFieldsCode, $"[{subgraph}] On field \"{field}\", for @provides(fields: \"{fields}\"): {why}", [subgraph], [field]);

    internal static CompositionError ProvidesFieldsMissingExternal(string subgraph, string field, string fields, string target) =>
        new(ProvidesFieldsMissingExternalCode, $"[{subgraph}] On field \"{field}\", for @provides(fields: \"{fields}\"): field \"{target}\" should not be part of a @provides since it is already provided by this subgraph (it is not marked @external)", [subgraph], [field, target]);

    internal static CompositionError ProvidesOnNonObjectField(string subgraph, string field, string type) =>
        new(ProvidesOnNonObjectFieldCode, $"[{subgraph}] Invalid @provides directive on field \"{field}\": field has type \"{type}\" which is not a Composite Type", [subgraph], [field]);

    internal static CompositionError ExternalUnused(string subgraph, string field) =>
        new(ExternalUnusedCode, $"[{subgraph}] Field \"{field}\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).", [subgraph], [field]);

    internal static CompositionError TypeKindMismatch(string type, IEnumerable<(string Subgraph, string Kind)> kinds) =>
        new(TypeKindMismatchCode, $"Type \"{type}\" has mismatched kind: it is defined as {Listing(kinds.Select(k => (k.Subgraph, k.Kind + " Type")))}", [.. kinds.Select(k => k.Subgraph)], [type]);

    internal static CompositionError ExtensionWithNoBase(string subgraph, string type) =>
        new(ExtensionWithNoBaseCode, $"[{subgraph}] Type \"{type}\" is an extension type, but there is no type definition for \"{type}\" in any subgraph.", [subgraph], [type]);

    internal static CompositionError TypeWithOnlyUnusedExternal(string subgraph, string type) =>
        new(TypeWithOnlyUnusedExternalCode, $"[{subgraph}] Type {type} contains only external fields and all those fields are all unused (they do not appear in any @key, @provides or @requires).", [subgraph], [type]);

    internal static CompositionError InvalidFieldSharing(string field, IReadOnlyList<string> resolving, IReadOnlyList<string> nonShareable) =>
        new(InvalidFieldSharingCode, $"Non-shareable field \"{field}\" is resolved from multiple subgraphs: it is resolved from {Subgraphs(resolving)} and defined as non-shareable in {(nonShareable.Count == resolving.Count ? "all of them" : Subgraphs(nonShareable))}", resolving, [field]);

    internal static CompositionError FieldTypeMismatch(string field, IEnumerable<(string Subgraph, string Type)> types) =>
        new(FieldTypeMismatchCode, $"Type of field \"{field}\" is incompatible across subgraphs: it has {Listing(types.Select(t => (t.Subgraph, $"type \"{t.Type}\"")))}", [.. types.Select(t => t.Subgraph)], [field]);

    internal static CompositionError ArgumentTypeMismatch(string argument, IEnumerable<(string Subgraph, string Type)> types) =>
        new(ArgumentTypeMismatchCode, $"Type of argument \"{argument}\" is incompatible across subgraphs: it has {Listing(types.Select(t => (t.Subgraph, $"type \"{t.Type}\"")))}", [.. types.Select(t => t.Subgraph)], [argument]);

    internal static CompositionError ArgumentDefaultMismatch(string argument, IEnumerable<(string Subgraph, string Default)> defaults) =>
        new(ArgumentDefaultMismatchCode, $"Argument \"{argument}\" has incompatible default values across subgraphs: it has {Listing(defaults)}", [.. defaults.Select(d => d.Subgraph)], [argument]);

    internal static CompositionError RequiredArgumentMissingInSomeSubgraph(string argument, IReadOnlyList<string> requiredIn, IReadOnlyList<string> missingIn) =>
        new(RequiredArgumentMissingInSomeSubgraphCode, $"Argument \"{argument}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {Subgraphs(requiredIn)} but does not appear in {Subgraphs(missingIn)}", [.. requiredIn, .. missingIn], [argument]);

    internal static CompositionError ExternalMissingOnBase(string field, IReadOnlyList<string> subgraphs) =>
        new(ExternalMissingOnBaseCode, $"Field \"{field}\" is marked @external on all the subgraphs in which it is listed ({Subgraphs(subgraphs)}).", subgraphs, [field]);

    internal static CompositionError ExternalTypeMismatch(string field, IEnumerable<(string Subgraph, string Type)> types) =>
        new(ExternalTypeMismatchCode, $"Type of field \"{field}\" is incompatible across subgraphs (where marked @external): it has {Listing(types.Select(t => (t.Subgraph, $"type \"{t.Type}\"")))}", [.. types.Select(t => t.Subgraph)], [field]);

    internal static CompositionError InputFieldDefaultMismatch(string field, IEnumerable<(string Subgraph, string Default)> defaults) =>
        new(InputFieldDefaultMismatchCode, $"Input field \"{field}\" has incompatible default values across subgraphs: it has {Listing(defaults)}", [.. defaults.Select(d => d.Subgraph)], [field]);

    internal static CompositionError RequiredInputFieldMissingInSomeSubgraph(string field, IReadOnlyList<string> requiredIn, IReadOnlyList<string> missingIn) =>
        new(RequiredInputFieldMissingInSomeSubgraphCode, $"Input object field \"{field}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {Subgraphs(requiredIn)} but does not appear in {Subgraphs(missingIn)}", [.. requiredIn, .. missingIn], [field]);

    internal static CompositionError EmptyMergedInputType(string type, IReadOnlyList<string> subgraphs) =>
        new(EmptyMergedInputTypeCode, $"None of the fields of input object type \"{type}\" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type.", subgraphs, [type]);

    internal static CompositionError EmptyMergedEnumType(string type, IReadOnlyList<string> subgraphs) =>
        new(EmptyMergedEnumTypeCode, $"None of the values of enum type \"{type}\" are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type.", subgraphs, [type]);

    internal static CompositionError EnumValueMismatch(string type, string inputExample, string outputExample, string value, IReadOnlyList<string> definedIn, IReadOnlyList<string> missingIn) =>
        new(EnumValueMismatchCode, $"Enum type \"{type}\" is used as both input type (for example, as type of \"{inputExample}\") and output type (for example, as type of \"{outputExample}\"), but value \"{value}\" is not defined in all the subgraphs defining \"{type}\": \"{value}\" is defined in {Subgraphs(definedIn)} but not in {Subgraphs(missingIn)}", [.. definedIn, .. missingIn], [type + "." + value]);

    internal static CompositionError InterfaceFieldNoImplem(string type, string interfaceField) =>
        new(InterfaceFieldNoImplemCode, $"Interface field \"{interfaceField}\" is declared in the supergraph but type \"{type}\", which implements the interface, does not define it in any subgraph.", [], [type, interfaceField]);

    internal static CompositionError OverrideFromSelf(string subgraph, string field) =>
        new(OverrideFromSelfCode, $"Source and destination subgraphs \"{subgraph}\" are the same for overridden field \"{field}\"", [subgraph], [field]);

    internal static CompositionError OverrideSourceHasOverride(string field, IReadOnlyList<string> subgraphs) =>
        new(OverrideSourceHasOverrideCode, $"Field \"{field}\" on {Subgraphs(subgraphs)} is also marked with directive @override. Only one @override directive is allowed per field.", subgraphs, [field]);

    internal static CompositionError ReferencedInaccessible(string element, string referencer) =>
        new(ReferencedInaccessibleCode, $"Type \"{element}\" is @inaccessible but is referenced by \"{referencer}\", which is in the API schema.", [], [element, referencer]);

    internal static CompositionError RequiredInaccessible(string element) =>
        new(RequiredInaccessibleCode, $"Argument or input field \"{element}\" is @inaccessible but is a required argument or input field of its parent.", [], [element]);

    internal static CompositionError OnlyInaccessibleChildren(string type) =>
        new(OnlyInaccessibleChildrenCode, $"Type \"{type}\" is in the API schema but all of its members are @inaccessible.", [], [type]);

    internal static CompositionError Satisfiability(string subgraph, string field) =>
        new(SatisfiabilityErrorCode, $"Field \"{field}\" cannot be satisfied from subgraph \"{subgraph}\": a query can reach its type there, but \"{subgraph}\" does not resolve it, nor does any other subgraph the query could be in at that point (a shareable field resolved elsewhere) or reach from there through resolvable @key jumps, directly or through intermediate subgraphs.", [subgraph], [field]);

    internal static CompositionError InvalidShareableUsage(string subgraph, string field) =>
        new(InvalidShareableUsageCode, $"[{subgraph}] Invalid use of @shareable on field \"{field}\": only object type fields can be marked with @shareable", [subgraph], [field]);

    internal static CompositionError InterfaceKeyMissingImplementationType(string subgraph, string interfaceType, IReadOnlyList<string> missing) =>
        new(InterfaceKeyMissingImplementationTypeCode, $"[{subgraph}] Interface type \"{interfaceType}\" has a resolvable key in subgraph \"{subgraph}\" but that subgraph is missing some of the supergraph implementation types of \"{interfaceType}\": {string.Join(", ", missing.Select(m => $"\"{m}\""))}.", [subgraph], [interfaceType, .. missing]);

    internal static CompositionError InterfaceKeyNotOnImplementation(string subgraph, string interfaceType, string key, IReadOnlyList<string> implementations) =>
        new(InterfaceKeyNotOnImplementationCode, $"[{subgraph}] Key @key(fields: \"{key}\") on interface type \"{interfaceType}\" is missing on implementation {Types(implementations)}.", [subgraph], [interfaceType, .. implementations]);

    internal static CompositionError InterfaceKeyNotResolvableOnImplementation(string subgraph, string interfaceType, string key, IReadOnlyList<string> implementations) =>
        new(InterfaceKeyNotOnImplementationCode, $"[{subgraph}] Key @key(fields: \"{key}\") on interface type \"{interfaceType}\" should be resolvable on all implementation types, but is declared with argument \"@key(resolvable:)\" set to false in {Types(implementations)}.", [subgraph], [interfaceType, .. implementations]);

    internal static CompositionError OverrideOnInterfaceObject(string subgraph, string field) =>
        new(OverrideCollisionWithAnotherDirectiveCode, $"@override is not yet supported on fields of @interfaceObject types: cannot be used on field \"{field}\" on subgraph \"{subgraph}\".", [subgraph], [field]);

    internal static CompositionError InterfaceObjectWithoutKey(string subgraph, string type) =>
        new(InterfaceObjectUsageErrorCode, $"[{subgraph}] The @interfaceObject directive can only be applied to entity types but type \"{type}\" has no @key in this subgraph.", [subgraph], [type]);

    internal static CompositionError InterfaceObjectWithoutInterface(string type, IReadOnlyList<string> subgraphs) =>
        new(InterfaceObjectUsageErrorCode, $"Type \"{type}\" is declared with @interfaceObject in all the subgraphs in which it is defined (it is defined in {Subgraphs(subgraphs)} but should be defined as an interface in at least one subgraph)", subgraphs, [type]);

    internal static CompositionError InterfaceObjectDefinesImplementations(string subgraph, string type, IReadOnlyList<string> implementations) =>
        new(InterfaceObjectUsageErrorCode, $"[{subgraph}] Interface type \"{type}\" is defined as an @interfaceObject in subgraph \"{subgraph}\" so that subgraph should not define any of the implementation types of \"{type}\", but it defines {Types(implementations)}", [subgraph], [type, .. implementations]);

    internal static CompositionError InterfaceObjectUnreachable(string subgraph, string type) =>
        new(SatisfiabilityErrorCode, $"Type \"{type}\" cannot be satisfied from subgraph \"{subgraph}\": no subgraph can be reached to resolve the implementation type of @interfaceObject type \"{type}\" (none defines the interface with a resolvable @key whose fields \"{subgraph}\" can provide).", [subgraph], [type]);

    /// <summary><c>type "A"</c>, <c>types "A" and "B"</c>, as Apollo lists types.</summary>
    private static string Types(IReadOnlyList<string> types) =>
        types.Count == 1
            ? $"type \"{types[0]}\""
            : "types " + string.Join(", ", types.Take(types.Count - 1).Select(t => $"\"{t}\"")) + $" and \"{types[^1]}\"";

    internal static CompositionError NoQueries() =>
        new(NoQueriesCode, "No queries found in any subgraph: a supergraph must have a query root type.", [], []);

    internal static CompositionError SubgraphSdlUnavailable(string subgraph, string why) =>
        new(SubgraphSdlUnavailableCode, $"The SDL of subgraph \"{subgraph}\" is unavailable: {why}", [subgraph], []);

    internal static CompositionError AccessControlNotEnforced(IReadOnlyList<string> specs) =>
        new(AccessControlNotEnforcedCode, $"The supergraph links {string.Join(", ", specs.Select(s => "@" + s))}: access rules for the router to enforce. This gateway authorizes by the share catalogue and does not enforce them, so it does not serve this supergraph; serve it with Apollo Router, or express the rules in the catalogue and remove the directives from the subgraphs.", [], []);

    internal static CompositionError InvalidSupergraph(string why) =>
        new(InvalidSupergraphCode, "The composed supergraph cannot be read back: " + why, [], []);

    internal static CompositionError ReloadSourceUnreadable(string file, string why) =>
        new(ReloadSourceUnreadableCode, $"{file} cannot be read: {why}", [], []);

    internal static CompositionError ServedSchemaInvalid(string why) =>
        new(ServedSchemaInvalidCode, "The gateway cannot serve the supergraph: " + why, [], []);

    internal static CompositionError SubgraphConfigUnreadable(string path, string why) =>
        new(SubgraphConfigUnreadableCode, $"The subgraph config {path} cannot be read: {why}", [], []);

    internal static CompositionError SubgraphConfigInvalidYaml(int line, string why) =>
        new(SubgraphConfigInvalidYamlCode, $"Line {line}: not valid YAML: {why}", [], []);

    internal static CompositionError SubgraphConfigUnknownKey(int line, string key, string where, IEnumerable<string> known) =>
        new(SubgraphConfigUnknownKeyCode, $"Line {line}: unknown key {key} in {where}; the keys are {string.Join(", ", known)}.", [], []);

    internal static CompositionError SubgraphConfigMissingKey(int line, string key, string where) =>
        new(SubgraphConfigMissingKeyCode, $"Line {line}: {where} has no {key}.", [], []);

    internal static CompositionError SubgraphConfigDuplicateKey(int line, string key) =>
        new(SubgraphConfigDuplicateKeyCode, $"Line {line}: \"{key}\" is given twice in one mapping (a subgraph name is given once).", [], []);

    internal static CompositionError SubgraphConfigInvalidValue(int line, string key, string value, string expected) =>
        new(SubgraphConfigInvalidValueCode, $"Line {line}: {key} is {value}; expected {expected}.", [], []);

    internal static CompositionError SubgraphConfigInvalidName(int line, string name) =>
        new(SubgraphConfigInvalidNameCode, $"Line {line}: {name} cannot name a subgraph: a name is a letter followed by at most 62 letters, digits, - or _.", [], []);

    internal static CompositionError SubgraphConfigSchemaSource(int line, string subgraph, string why) =>
        new(SubgraphConfigSchemaSourceCode, $"Line {line}: the schema of subgraph \"{subgraph}\" {why}; it names exactly one: file (an SDL file relative to the config) or subgraph_url (its _service {{ sdl }}).", [subgraph], []);

    internal static CompositionError SubgraphSchemaFileUnreadable(string subgraph, string path, string why) =>
        new(SubgraphSchemaFileUnreadableCode, $"The schema file {path} of subgraph \"{subgraph}\" cannot be read: {why}", [subgraph], []);

    /// <summary>Apollo's way of naming subgraphs in messages: <c>subgraph "a"</c>, <c>subgraphs "a" and "b"</c>.</summary>
    private static string Subgraphs(IReadOnlyList<string> names)
    {
        var quoted = names.Select(n => $"\"{n}\"").ToList();
        return quoted.Count switch
        {
            1 => "subgraph " + quoted[0],
            _ => "subgraphs " + string.Join(", ", quoted.Take(quoted.Count - 1)) + " and " + quoted[^1],
        };
    }

    /// <summary><c>type "A" in subgraph "a" but type "B" in subgraphs "b" and "c"</c>, grouping subgraphs by what they say.</summary>
    private static string Listing(IEnumerable<(string Subgraph, string Says)> sayings)
    {
        var groups = sayings.GroupBy(s => s.Says, StringComparer.Ordinal).Select(g => $"{g.Key} in {Subgraphs([.. g.Select(s => s.Subgraph)])}").ToList();
        return string.Join(" but ", groups.Take(1)) + (groups.Count > 1 ? " but " + string.Join(" and ", groups.Skip(1)) : "");
    }
}
