namespace Federation.Gateway.Composition.Rules;

/// <summary>A check of one subgraph on its own, before merging (Apollo's subgraph validation).</summary>
internal interface ISubgraphRule
{
    void Check(SubgraphSchema subgraph, List<CompositionError> errors);
}

/// <summary>A check of the merged supergraph against the subgraphs it came from.</summary>
internal interface IMergeRule
{
    void Check(MergedSchema schema, List<CompositionError> errors);
}

/// <summary>The rules in the order composition runs them: the order of the error list follows it.</summary>
internal static class CompositionRules
{
    public static readonly ISubgraphRule[] Subgraph =
    [
        new KeyFieldsRule(),
        new RequiresFieldsRule(),
        new ProvidesFieldsRule(),
        new ExternalUnusedRule(),
        new ShareableUsageRule(),
        new InterfaceObjectKeyRule(),
        new InterfaceKeyImplementationsRule(),
        new AccessControlOnInterfaceRule(),
        new DemandControlRule(),
        new SubgraphSchemaRule(),
    ];

    public static readonly IMergeRule[] Merge =
    [
        new TypeKindRule(),
        new ExtensionWithNoBaseRule(),
        new ExternalMissingOnBaseRule(),
        new ExternalTypeRule(),
        new FieldTypeRule(),
        new ArgumentPresenceRule(),
        new DefaultValueRule(),
        new FieldSharingRule(),
        new OverrideRule(),
        new InterfaceKeyRule(),
        new InterfaceObjectRule(),
        new InputFieldsRule(),
        new EnumValuesRule(),
        new NoQueriesRule(),
    ];

    /// <summary>Checks of the finished supergraph; Apollo runs them only when merging found nothing wrong.</summary>
    public static readonly IMergeRule[] PostMerge =
    [
        new InterfaceFieldsRule(),
        new TransitiveAccessControlRule(),
        new InaccessibleRule(),
    ];

    /// <summary>Whether queries can be planned at all; Apollo runs it last, on a supergraph free of other errors.</summary>
    public static readonly IMergeRule[] Satisfiability =
    [
        new SatisfiabilityRule(),
    ];
}
