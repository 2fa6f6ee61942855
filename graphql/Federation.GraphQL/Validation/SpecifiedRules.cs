using Federation.GraphQL.Validation.Rules;

namespace Federation.GraphQL.Validation;

/// <summary>
/// The rules in the order graphql-js 17.1.0 runs them (<c>specifiedRules</c> and
/// <c>specifiedSDLRules</c>); the order decides the order of the errors.
/// </summary>
public static class SpecifiedRules
{
    public static ValidationRule ExecutableDefinitions { get; } = new("ExecutableDefinitionsRule", c => new ExecutableDefinitionsRule(c));

    public static ValidationRule KnownOperationTypes { get; } = new("KnownOperationTypesRule", c => new KnownOperationTypesRule((ValidationContext)c));

    public static ValidationRule UniqueOperationNames { get; } = new("UniqueOperationNamesRule", c => new UniqueOperationNamesRule(c));

    public static ValidationRule LoneAnonymousOperation { get; } = new("LoneAnonymousOperationRule", c => new LoneAnonymousOperationRule(c));

    public static ValidationRule SingleFieldSubscriptions { get; } = new("SingleFieldSubscriptionsRule", c => new SingleFieldSubscriptionsRule((ValidationContext)c));

    public static ValidationRule KnownTypeNames { get; } = new("KnownTypeNamesRule", c => new KnownTypeNamesRule(c));

    public static ValidationRule FragmentsOnCompositeTypes { get; } = new("FragmentsOnCompositeTypesRule", c => new FragmentsOnCompositeTypesRule((ValidationContext)c));

    public static ValidationRule VariablesAreInputTypes { get; } = new("VariablesAreInputTypesRule", c => new VariablesAreInputTypesRule((ValidationContext)c));

    public static ValidationRule ScalarLeafs { get; } = new("ScalarLeafsRule", c => new ScalarLeafsRule((ValidationContext)c));

    public static ValidationRule FieldsOnCorrectType { get; } = new("FieldsOnCorrectTypeRule", c => new FieldsOnCorrectTypeRule((ValidationContext)c));

    public static ValidationRule UniqueFragmentNames { get; } = new("UniqueFragmentNamesRule", c => new UniqueFragmentNamesRule(c));

    public static ValidationRule KnownFragmentNames { get; } = new("KnownFragmentNamesRule", c => new KnownFragmentNamesRule(c));

    public static ValidationRule NoUnusedFragments { get; } = new("NoUnusedFragmentsRule", c => new NoUnusedFragmentsRule(c));

    public static ValidationRule PossibleFragmentSpreads { get; } = new("PossibleFragmentSpreadsRule", c => new PossibleFragmentSpreadsRule((ValidationContext)c));

    public static ValidationRule NoFragmentCycles { get; } = new("NoFragmentCyclesRule", c => new NoFragmentCyclesRule(c));

    public static ValidationRule UniqueVariableNames { get; } = new("UniqueVariableNamesRule", c => new UniqueVariableNamesRule(c));

    public static ValidationRule NoUndefinedVariables { get; } = new("NoUndefinedVariablesRule", c => new NoUndefinedVariablesRule((ValidationContext)c));

    public static ValidationRule NoUnusedVariables { get; } = new("NoUnusedVariablesRule", c => new NoUnusedVariablesRule((ValidationContext)c));

    public static ValidationRule KnownDirectives { get; } = new("KnownDirectivesRule", c => new KnownDirectivesRule(c));

    public static ValidationRule UniqueDirectivesPerLocation { get; } = new("UniqueDirectivesPerLocationRule", c => new UniqueDirectivesPerLocationRule(c));

    public static ValidationRule DeferStreamDirectiveOnRootField { get; } = new("DeferStreamDirectiveOnRootFieldRule", c => new DeferStreamDirectiveOnRootFieldRule((ValidationContext)c));

    public static ValidationRule DeferStreamDirectiveOnValidOperations { get; } = new("DeferStreamDirectiveOnValidOperationsRule", c => new DeferStreamDirectiveOnValidOperationsRule(c));

    public static ValidationRule DeferStreamDirectiveLabel { get; } = new("DeferStreamDirectiveLabelRule", c => new DeferStreamDirectiveLabelRule(c));

    public static ValidationRule StreamDirectiveOnListField { get; } = new("StreamDirectiveOnListFieldRule", c => new StreamDirectiveOnListFieldRule((ValidationContext)c));

    public static ValidationRule KnownArgumentNames { get; } = new("KnownArgumentNamesRule", c => new KnownArgumentNamesRule(c, onDirectivesOnly: false));

    public static ValidationRule UniqueArgumentNames { get; } = new("UniqueArgumentNamesRule", c => new UniqueArgumentNamesRule(c));

    public static ValidationRule ValuesOfCorrectType { get; } = new("ValuesOfCorrectTypeRule", c => new ValuesOfCorrectTypeRule((ValidationContext)c));

    public static ValidationRule ProvidedRequiredArguments { get; } = new("ProvidedRequiredArgumentsRule", c => new ProvidedRequiredArgumentsRule(c, onDirectivesOnly: false));

    public static ValidationRule VariablesInAllowedPosition { get; } = new("VariablesInAllowedPositionRule", c => new VariablesInAllowedPositionRule((ValidationContext)c));

    public static ValidationRule OverlappingFieldsCanBeMerged { get; } = new("OverlappingFieldsCanBeMergedRule", c => new OverlappingFieldsCanBeMergedRule((ValidationContext)c));

    public static ValidationRule UniqueInputFieldNames { get; } = new("UniqueInputFieldNamesRule", c => new UniqueInputFieldNamesRule(c));

    public static ValidationRule MaxIntrospectionDepth { get; } = new("MaxIntrospectionDepthRule", c => new MaxIntrospectionDepthRule(c));

    public static ValidationRule LoneSchemaDefinition { get; } = new("LoneSchemaDefinitionRule", c => new LoneSchemaDefinitionRule(c));

    public static ValidationRule UniqueOperationTypes { get; } = new("UniqueOperationTypesRule", c => new UniqueOperationTypesRule(c));

    public static ValidationRule UniqueTypeNames { get; } = new("UniqueTypeNamesRule", c => new UniqueTypeNamesRule(c));

    public static ValidationRule UniqueEnumValueNames { get; } = new("UniqueEnumValueNamesRule", c => new UniqueEnumValueNamesRule(c));

    public static ValidationRule UniqueFieldDefinitionNames { get; } = new("UniqueFieldDefinitionNamesRule", c => new UniqueFieldDefinitionNamesRule(c));

    public static ValidationRule UniqueArgumentDefinitionNames { get; } = new("UniqueArgumentDefinitionNamesRule", c => new UniqueArgumentDefinitionNamesRule(c));

    public static ValidationRule UniqueDirectiveNames { get; } = new("UniqueDirectiveNamesRule", c => new UniqueDirectiveNamesRule(c));

    public static ValidationRule PossibleTypeExtensions { get; } = new("PossibleTypeExtensionsRule", c => new PossibleTypeExtensionsRule(c));

    public static ValidationRule KnownArgumentNamesOnDirectives { get; } = new("KnownArgumentNamesOnDirectivesRule", c => new KnownArgumentNamesRule(c, onDirectivesOnly: true));

    public static ValidationRule ProvidedRequiredArgumentsOnDirectives { get; } = new("ProvidedRequiredArgumentsOnDirectivesRule", c => new ProvidedRequiredArgumentsRule(c, onDirectivesOnly: true));

    /// <summary>Not in graphql-js: an alias beginning with "__" on another field is refused (see the rule).</summary>
    public static ValidationRule ReservedAliasNames { get; } = new("ReservedAliasNamesRule", c => new ReservedAliasNamesRule(c));

    /// <summary>
    /// graphql-js <c>specifiedRules</c>: every rule for executable documents, in order, and then
    /// <see cref="ReservedAliasNames"/>, last so that graphql-js's errors keep their order.
    /// </summary>
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        ExecutableDefinitions,
        KnownOperationTypes,
        UniqueOperationNames,
        LoneAnonymousOperation,
        SingleFieldSubscriptions,
        KnownTypeNames,
        FragmentsOnCompositeTypes,
        VariablesAreInputTypes,
        ScalarLeafs,
        FieldsOnCorrectType,
        UniqueFragmentNames,
        KnownFragmentNames,
        NoUnusedFragments,
        PossibleFragmentSpreads,
        NoFragmentCycles,
        UniqueVariableNames,
        NoUndefinedVariables,
        NoUnusedVariables,
        KnownDirectives,
        UniqueDirectivesPerLocation,
        DeferStreamDirectiveOnRootField,
        DeferStreamDirectiveOnValidOperations,
        DeferStreamDirectiveLabel,
        StreamDirectiveOnListField,
        KnownArgumentNames,
        UniqueArgumentNames,
        ValuesOfCorrectType,
        ProvidedRequiredArguments,
        VariablesInAllowedPosition,
        OverlappingFieldsCanBeMerged,
        UniqueInputFieldNames,
        MaxIntrospectionDepth,
        ReservedAliasNames,
    ];

    /// <summary>graphql-js <c>specifiedSDLRules</c>: the rules for type system documents, in order.</summary>
    public static IReadOnlyList<ValidationRule> Sdl { get; } =
    [
        LoneSchemaDefinition,
        UniqueOperationTypes,
        UniqueTypeNames,
        UniqueEnumValueNames,
        UniqueFieldDefinitionNames,
        UniqueArgumentDefinitionNames,
        UniqueDirectiveNames,
        KnownTypeNames,
        KnownDirectives,
        UniqueDirectivesPerLocation,
        PossibleTypeExtensions,
        KnownArgumentNamesOnDirectives,
        UniqueArgumentNames,
        UniqueInputFieldNames,
        ProvidedRequiredArgumentsOnDirectives,
    ];
}
