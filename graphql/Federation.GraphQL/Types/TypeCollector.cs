using Federation.GraphQL.Introspection;

namespace Federation.GraphQL.Types;

/// <summary>
/// Collects every named type of a schema in the order graphql-js 17.1.0's GraphQLSchema
/// constructor puts them in its type map, so that introspection lists types the same way:
/// the extra types (each followed by what it references first, depth first), then what the
/// query, mutation and subscription types reference, then directive argument types, then the
/// introspection types from <c>__Schema</c>.
/// </summary>
internal static class TypeCollector
{
    public static Dictionary<string, NamedType> Collect(Schema schema, IEnumerable<NamedType> extraTypes)
    {
        // graphql-js seeds an insertion-ordered set with the extra types, then for each one
        // deletes it and collects it again: it moves to the end, followed by what it references
        // that is not in the set yet. An extra type met while collecting an earlier one is still
        // in the set, so it is only placed when its own turn comes.
        var extras = extraTypes.ToArray();
        var set = new OrderedSet();
        foreach (var type in extras)
        {
            set.Add(type);
        }

        foreach (var type in extras)
        {
            set.Remove(type);
            CollectReferenced(type, set);
        }

        foreach (var root in new[] { schema.QueryType, schema.MutationType, schema.SubscriptionType })
        {
            if (root is not null)
            {
                CollectReferenced(root, set);
            }
        }

        foreach (var directive in schema.Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                CollectReferenced(argument.Type.Named, set);
            }
        }

        CollectReferenced(IntrospectionTypes.Schema, set);

        var result = new Dictionary<string, NamedType>();
        foreach (var type in set.InOrder())
        {
            if (!result.TryAdd(type.Name, type))
            {
                throw new GraphQLException(new GraphQLError(
                    $"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\"."));
            }
        }

        return result;
    }

    private static void CollectReferenced(NamedType type, OrderedSet set)
    {
        if (!set.Add(type))
        {
            return;
        }

        switch (type)
        {
            case UnionType union:
                foreach (var member in union.DeclaredTypes?.Invoke() ?? union.Types)
                {
                    CollectReferenced(member, set);
                }

                break;
            case FieldsType fields:
                foreach (var iface in fields.DeclaredInterfaces?.Invoke() ?? fields.Interfaces)
                {
                    CollectReferenced(iface, set);
                }

                foreach (var field in fields.Fields)
                {
                    CollectReferenced(field.Type.Named, set);
                    foreach (var argument in field.Arguments)
                    {
                        CollectReferenced(argument.Type.Named, set);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    CollectReferenced(field.Type.Named, set);
                }

                break;
        }
    }

    /// <summary>A set of types by identity that keeps insertion order and lets a type move to the end.</summary>
    private sealed class OrderedSet
    {
        private readonly LinkedList<NamedType> order = new();
        private readonly Dictionary<NamedType, LinkedListNode<NamedType>> nodes = new(ReferenceEqualityComparer.Instance);

        public bool Add(NamedType type)
        {
            if (nodes.ContainsKey(type))
            {
                return false;
            }

            nodes[type] = order.AddLast(type);
            return true;
        }

        public void Remove(NamedType type)
        {
            if (nodes.Remove(type, out var node))
            {
                order.Remove(node);
            }
        }

        public IEnumerable<NamedType> InOrder() => order;
    }
}
