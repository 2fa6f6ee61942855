namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// <c>@authenticated</c>, <c>@requiresScopes</c> and <c>@policy</c> go on objects and their fields,
/// never on interfaces or interface fields: composition gives an interface its implementations'
/// requirements itself, so one written there could only disagree with them.
/// https://www.apollographql.com/docs/graphos/routing/security/authorization#composition-and-federation
/// </summary>
internal sealed class AccessControlOnInterfaceRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types.Where(t => t.Kind == TypeKind.Interface))
        {
            foreach (var (directive, _) in type.Directives.Where(d => AccessControl.IsAccessControl(subgraph.SpecName(d.Directive))))
            {
                errors.Add(CompositionErrorCodes.AuthRequirementsAppliedOnInterface(subgraph.Name, directive.Name.Value, "interface", type.Name));
            }

            foreach (var field in type.Fields)
            {
                foreach (var directive in field.Directives.Where(d => AccessControl.IsAccessControl(subgraph.SpecName(d))))
                {
                    errors.Add(CompositionErrorCodes.AuthRequirementsAppliedOnInterface(subgraph.Name, directive.Name.Value, "field", field.Coordinate));
                }
            }
        }
    }
}
