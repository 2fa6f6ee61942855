namespace Federation.Gateway.Planning;

/// <summary>
/// Aliases the planner gives selections it must keep apart in a subgraph operation
/// (<c>holder__alias_0</c>, as Apollo names them): never a name already taken — any name the
/// client's document uses, any field name of the schema — nor one given before, so a generated
/// alias can neither meet a client's response name nor a field the planner selects under its name.
/// </summary>
internal sealed class GeneratedAliases(IEnumerable<string> taken)
{
    private readonly HashSet<string> taken = new(taken, StringComparer.Ordinal);
    private int next;

    /// <summary>A fresh alias for a selection of <paramref name="field"/>.</summary>
    public string For(string field)
    {
        while (true)
        {
            var alias = $"{field}__alias_{next++}";
            if (taken.Add(alias))
            {
                return alias;
            }
        }
    }
}
