namespace Federation.Gateway.Composition;

// @interfaceObject: a subgraph's object type standing for another subgraph's entity interface.
internal sealed partial class SupergraphMerger
{
    /// <summary>
    /// A field an interface object adds to the interface is a field of every implementation too:
    /// the subgraph resolves it for any of them, by the interface's key. Each implementation that
    /// lacks it gets the interface's merged field, with a <c>@join__field</c> naming no graph
    /// (no subgraph defines it on that type), as Apollo's merger does once everything else is merged.
    /// </summary>
    private void AddInterfaceObjectFieldsToImplementations()
    {
        foreach (var type in merged.Types.Values.Where(t => t.Kind == TypeKind.Object).ToList())
        {
            foreach (var implemented in type.Interfaces)
            {
                if (merged.Type(implemented) is not { Kind: TypeKind.Interface } interfaceType)
                {
                    continue;
                }

                foreach (var field in interfaceType.Fields.ToList())
                {
                    if (type.Field(field.Name) is null && IsResolvedByInterfaceObject(interfaceType, field.Name))
                    {
                        type.Fields.Add(Copy(type, field));
                    }
                }
            }
        }
    }

    /// <summary>Whether a subgraph defines the interface as an interface object with the field, not external.</summary>
    private static bool IsResolvedByInterfaceObject(MergedType interfaceType, string field) =>
        interfaceType.Sources.Any(s => s is { IsInterfaceObject: true } && s.Field(field) is { IsExternal: false });

    private static MergedField Copy(MergedType type, MergedField field)
    {
        var copy = new MergedField(type, field.Name, new SubgraphField?[field.Sources.Length])
        {
            Description = field.Description,
            Type = field.Type,
            IsInaccessible = field.IsInaccessible,
            Access = field.Access,
        };
        foreach (var argument in field.Arguments)
        {
            var argumentCopy = new MergedArgument(copy.Coordinate, argument.Name)
            {
                Description = argument.Description,
                Type = argument.Type,
                DefaultValue = argument.DefaultValue,
                IsInaccessible = argument.IsInaccessible,
            };
            argumentCopy.Directives.AddRange(argument.Directives.Where(d => !d.StartsWith("@join__", StringComparison.Ordinal)));
            copy.Arguments.Add(argumentCopy);
        }

        copy.Directives.AddRange(field.Directives.Where(d => !d.StartsWith("@join__", StringComparison.Ordinal)));
        copy.Directives.Add("@join__field");
        return copy;
    }
}
