using Federation.Subgraphs.Hosting.Changes;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Store;

/// <summary>The change events of the population register: type Person or Household, keyed by identity or household number.</summary>
internal static class PopulationEvents
{
    public const string Subgraph = "population";
    public const string PersonType = "Person";
    public const string HouseholdType = "Household";

    public static ChangeEvent Of(PersonChange change, string reason, DateTimeOffset at) =>
        new(Subgraph, PersonType, change.Person.IdNumber, change.ChangedFields, reason, at);

    /// <summary>The household's event, then one per member whose record followed it.</summary>
    public static IEnumerable<ChangeEvent> Of(HouseholdChange change, string reason, DateTimeOffset at)
    {
        yield return new(Subgraph, HouseholdType, change.Household.Number, change.ChangedFields, reason, at);
        foreach (var member in change.Members)
        {
            yield return Of(member, reason, at);
        }
    }
}
