using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// A fragment on an abstract type under another abstract type (<c>... on Node</c> in a union of
/// documents): the subgraph may not know the condition's type, or not as implemented by every
/// member it returns here, while the supergraph does. Sent as written, such a fragment matches
/// nothing in the subgraph and the fields under it go missing; asked per member by name instead.
/// </summary>
internal static class AbstractConditions
{
    /// <summary>
    /// The members of <paramref name="parent"/> the subgraph returns that fall under
    /// <paramref name="condition"/> in the supergraph, when at least one of them does not fall under it
    /// in the subgraph (so the fragment must be asked per member); null when the fragment can be sent as written.
    /// </summary>
    public static IReadOnlyList<ObjectType>? MembersToNameOrNull(PlanningSchema schema, NamedType parent, NamedType condition, string subgraph)
    {
        if (condition is ObjectType)
        {
            return null;
        }

        var members = schema.Api.GetPossibleTypes(condition)
            .Where(member => schema.Api.IsSubType(parent, member) && schema.IsMember(parent.Name, member.Name, subgraph))
            .ToList();
        return members.Exists(member => !schema.IsMember(condition.Name, member.Name, subgraph)) ? members : null;
    }
}
