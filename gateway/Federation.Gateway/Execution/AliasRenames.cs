using Federation.Gateway.Planning;

namespace Federation.Gateway.Execution;

/// <summary>
/// Puts the values a fetch received under generated aliases back under the client's response
/// names (<see cref="FetchNode.Renames"/>), in the data and in the paths of the subgraph's errors,
/// before they are merged: a generated alias never reaches the merged result or the answer.
/// </summary>
internal static class AliasRenames
{
    /// <param name="data">The fetch's data, or one entity of an entity fetch.</param>
    public static void Apply(Dictionary<string, object?> data, IReadOnlyList<AliasRename> renames)
    {
        foreach (var rename in renames)
        {
            Apply(data, rename, 0);
        }
    }

    private static void Apply(object? value, AliasRename rename, int depth)
    {
        switch (value)
        {
            case List<object?> items:
                foreach (var item in items)
                {
                    Apply(item, rename, depth);
                }

                break;
            case Dictionary<string, object?> obj when depth == rename.Path.Count:
                if (obj.Remove(rename.Alias, out var aliased))
                {
                    // Two shapes of one response name are asked on different types, so an object has one of them;
                    // were both there, they are the same field and merge.
                    if (obj.GetValueOrDefault(rename.ResponseName) is Dictionary<string, object?> existing && aliased is Dictionary<string, object?> moved)
                    {
                        PlanExecution.Merge(existing, moved);
                    }
                    else
                    {
                        obj[rename.ResponseName] = aliased;
                    }
                }

                break;
            case Dictionary<string, object?> obj:
                Apply(obj.GetValueOrDefault(rename.Path[depth]), rename, depth + 1);
                break;
        }
    }

    /// <summary>
    /// <paramref name="path"/> with the generated aliases from <paramref name="start"/> on (after
    /// <c>_entities, i</c> for an entity fetch) replaced by the response names they stand for.
    /// </summary>
    public static List<object> Restore(List<object> path, int start, IReadOnlyList<AliasRename> renames)
    {
        foreach (var rename in renames)
        {
            // The rename's path in names only; the error's path has list indexes between them.
            var depth = 0;
            for (var i = start; i < path.Count; i++)
            {
                if (path[i] is not string name)
                {
                    continue;
                }

                if (depth == rename.Path.Count)
                {
                    if (name == rename.Alias)
                    {
                        path[i] = rename.ResponseName;
                    }

                    break;
                }

                if (name != rename.Path[depth])
                {
                    break;
                }

                depth++;
            }
        }

        return path;
    }
}
