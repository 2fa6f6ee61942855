namespace Federation.GraphQL.Types;

/// <summary>Collects every named type reachable from a schema's roots, directives and extra types.</summary>
internal static class TypeCollector
{
    // Placeholder order; the types work replaces it with graphql-js's exact order.
    public static Dictionary<string, NamedType> Collect(Schema schema, IEnumerable<NamedType> extraTypes)
    {
        var result = new Dictionary<string, NamedType>();
        var stack = new Stack<NamedType>();
        foreach (var root in new NamedType?[] { schema.QueryType, schema.MutationType, schema.SubscriptionType }.Concat(extraTypes))
        {
            if (root is not null)
            {
                stack.Push(root);
            }
        }

        while (stack.TryPop(out var type))
        {
            if (!result.TryAdd(type.Name, type))
            {
                continue;
            }

            switch (type)
            {
                case FieldsType fields:
                    foreach (var field in fields.Fields)
                    {
                        stack.Push(field.Type.Named);
                        foreach (var argument in field.Arguments)
                        {
                            stack.Push(argument.Type.Named);
                        }
                    }

                    foreach (var iface in fields.Interfaces)
                    {
                        stack.Push(iface);
                    }

                    break;
                case UnionType union:
                    foreach (var member in union.Types)
                    {
                        stack.Push(member);
                    }

                    break;
                case InputObjectType input:
                    foreach (var field in input.Fields)
                    {
                        stack.Push(field.Type.Named);
                    }

                    break;
            }
        }

        return result;
    }
}
