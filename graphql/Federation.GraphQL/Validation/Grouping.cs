namespace Federation.GraphQL.Validation;

/// <summary>graphql-js <c>groupBy</c>: groups in order of first appearance.</summary>
internal static class Grouping
{
    public static List<(string Name, List<T> Items)> ByName<T>(IReadOnlyList<T> items, Func<T, string> nameOf)
    {
        var groups = new List<(string, List<T>)>();
        if (items.Count < 2)
        {
            foreach (var item in items)
            {
                groups.Add((nameOf(item), [item]));
            }

            return groups;
        }

        var byName = new Dictionary<string, List<T>>();
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (!byName.TryGetValue(name, out var list))
            {
                list = [];
                byName[name] = list;
                groups.Add((name, list));
            }

            list.Add(item);
        }

        return groups;
    }
}
