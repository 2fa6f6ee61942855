namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A <c>@key</c> on an interface is a key of each of its implementations in the subgraph, the
/// same field set (resolvable there when it is on the interface): the subgraph is sent the
/// interface's representations and answers with the concrete type, and other subgraphs reach
/// each implementation by that key.
/// https://www.apollographql.com/docs/graphos/reference/federation/errors#interface_key_not_on_implementation
/// </summary>
internal sealed class InterfaceKeyImplementationsRule : ISubgraphRule
{
    public void Check(SubgraphSchema subgraph, List<CompositionError> errors)
    {
        foreach (var type in subgraph.Types.Where(t => t.Kind == TypeKind.Interface))
        {
            var implementations = subgraph.Types.Where(t => t.Kind == TypeKind.Object && t.Interfaces.Contains(type.Name)).ToList();
            foreach (var key in type.Keys)
            {
                var fields = Normalized(key.Fields);
                var missing = new List<string>();
                var notResolvable = new List<string>();
                foreach (var implementation in implementations)
                {
                    var match = implementation.Keys.Find(k => Normalized(k.Fields) == fields);
                    if (match is null)
                    {
                        missing.Add(implementation.Name);
                    }
                    else if (key.Resolvable && !match.Resolvable)
                    {
                        notResolvable.Add(implementation.Name);
                    }
                }

                if (missing.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.InterfaceKeyNotOnImplementation(subgraph.Name, type.Name, key.Fields, missing));
                }
                else if (notResolvable.Count > 0)
                {
                    errors.Add(CompositionErrorCodes.InterfaceKeyNotResolvableOnImplementation(subgraph.Name, type.Name, key.Fields, notResolvable));
                }
            }
        }
    }

    /// <summary>The field set with its whitespace and commas collapsed, so that <c>id  owner</c> and <c>id owner</c> compare equal.</summary>
    private static string Normalized(string fields) =>
        string.Join(' ', fields.Replace(",", " ", StringComparison.Ordinal).Replace("{", " { ", StringComparison.Ordinal).Replace("}", " } ", StringComparison.Ordinal)
            .Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
