using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

// @interfaceObject: a subgraph knows an entity interface as one object type. It is sent
// representations of the interface (`__typename` the interface's name, and the key) for any
// implementation, and where it returns the interface, the concrete type comes from a subgraph
// that knows the implementations.
internal sealed partial class QueryPlanner
{
    private sealed partial class Walk
    {
        /// <summary>
        /// Where <paramref name="group"/> returns <paramref name="interfaceType"/> as its interface
        /// object, the value's <c>__typename</c> is the interface's name: the gateway asks a subgraph
        /// that defines the interface with a resolvable key for the concrete one, so that the
        /// client's <c>__typename</c>, its fragments on implementations and the response's types are right.
        /// </summary>
        private void TellConcreteType(FetchGroup group, Place place, InterfaceType interfaceType, IReadOnlyList<string> path, string coordinate)
        {
            if (TypeTeller(group, place, interfaceType) is not var (subgraph, key))
            {
                throw new QueryPlanningException(
                    $"{coordinate} returns {interfaceType.Name}, an @interfaceObject in subgraph \"{group.Subgraph}\", and no subgraph that defines the interface can look it up by a key the fetch gives, to tell its concrete type.");
            }

            InterfaceEntity(group, place, interfaceType, subgraph, key, path, []);
        }

        /// <summary>
        /// The first subgraph, in supergraph order, that defines <paramref name="interfaceType"/> as an
        /// interface (it knows the implementations) and resolves it by a key <paramref name="group"/> gives.
        /// </summary>
        private (string Subgraph, SelectionSetNode Key)? TypeTeller(FetchGroup group, Place place, InterfaceType interfaceType)
        {
            foreach (var subgraph in schema.Subgraphs)
            {
                if (subgraph != group.Subgraph
                    && schema.HasType(interfaceType.Name, subgraph)
                    && !schema.IsInterfaceObject(interfaceType.Name, subgraph)
                    && GivableKey(group, place, interfaceType, subgraph) is { } key)
                {
                    return (subgraph, key);
                }
            }

            return null;
        }

        /// <summary>
        /// A fragment on another type than the interface, where <paramref name="group"/> returns the
        /// interface as its interface object: the subgraph knows no implementation, so the fragment
        /// is asked of the subgraph that tells the concrete type (<see cref="TellConcreteType"/>).
        /// False when the fragment is not such a one.
        /// </summary>
        private bool RouteToTypeTeller(
            FetchGroup group,
            Place place,
            NamedType parent,
            string? typeCondition,
            IReadOnlyList<DirectiveNode> conditions,
            SelectionSetNode selectionSet,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            if (parent is not InterfaceType interfaceType
                || typeCondition is null
                || typeCondition == parent.Name
                || !schema.IsInterfaceObject(parent.Name, group.Subgraph))
            {
                return false;
            }

            if (TypeTeller(group, place, interfaceType) is not var (subgraph, key))
            {
                throw new QueryPlanningException(
                    $"... on {typeCondition} is asked where subgraph \"{group.Subgraph}\" returns {parent.Name} as an @interfaceObject, and no subgraph that defines the interface can look it up by a key the fetch gives.");
            }

            var target = InterfaceEntity(group, place, interfaceType, subgraph, key, path, []);
            var child = group.EntityChild(subgraph, path);
            Fragment(child, new Place(Enter(target, wrappers), target, null), interfaceType, typeCondition, conditions, selectionSet, path, wrappers);
            return true;
        }

        /// <summary>
        /// A field of an interface the current subgraph does not resolve (directly) for it, fetched
        /// as the interface's entity from a subgraph that resolves the field on the interface: where
        /// the current subgraph returns the interface as its interface object, any subgraph resolving
        /// the field with a resolvable key of the interface; elsewhere a subgraph that defines the
        /// interface as an interface object. False when neither applies.
        /// </summary>
        private bool InterfaceEntityJump(
            FetchGroup group,
            Place place,
            InterfaceType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            var name = field.Name.Value;
            IEnumerable<string> candidates;
            if (schema.IsInterfaceObject(parent.Name, group.Subgraph))
            {
                candidates = schema.ResolvingSubgraphs(parent.Name, name);
            }
            else if (!schema.Resolves(group.Subgraph, parent.Name, name))
            {
                candidates = schema.InterfaceObjectsResolving(parent.Name, name);
            }
            else
            {
                return false;
            }

            var reachable = PlannableOrNone([.. candidates], parent.Name, name)
                .Select(s => (Subgraph: s, Key: GivableKey(group, place, parent, s)))
                .Where(c => c.Key is not null)
                .ToList();
            if (reachable.Count == 0)
            {
                if (!schema.IsInterfaceObject(parent.Name, group.Subgraph))
                {
                    return false;
                }

                throw new QueryPlanningException(
                    $"{parent.Name}.{name} is asked where subgraph \"{group.Subgraph}\" returns {parent.Name} as an @interfaceObject, and no subgraph that resolves it can look {parent.Name} up by a key the fetch gives.");
            }

            // One that needs no required fields first saves a step; an entity fetch already made here saves one.
            var direct = reachable.Where(c => schema.Requires(c.Subgraph, parent.Name, name) is null).ToList();
            var pathKey = string.Join('.', path);
            var chosen = direct.Count > 0
                ? direct.FirstOrDefault(c => group.ExistingChild([c.Subgraph], pathKey) is not null, direct[0])
                : reachable[0];
            EntityField(group, place, parent, parent, field, path, wrappers, chosen.Subgraph, chosen.Key!);
            return true;
        }

        /// <summary>
        /// A field of an object type that no subgraph resolves on the type itself but an interface
        /// object of one of its interfaces does: fetched as the interface's entity from that
        /// subgraph, by the interface's key. False when there is none the current fetch can reach.
        /// </summary>
        private bool InterfaceObjectJump(
            FetchGroup group,
            Place place,
            ObjectType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            var name = field.Name.Value;
            foreach (var implemented in parent.Interfaces)
            {
                foreach (var subgraph in PlannableOrNone([.. schema.InterfaceObjectsResolving(implemented.Name, name)], implemented.Name, name))
                {
                    if (GivableKey(group, place, parent, subgraph, implemented.Name) is { } key)
                    {
                        EntityField(group, place, parent, implemented, field, path, wrappers, subgraph, key);
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Hands <paramref name="field"/> to an entity fetch of <paramref name="entityType"/> (an
        /// interface) from <paramref name="subgraph"/>, after the fields it @requires there, which
        /// are fetched for the object at <paramref name="parent"/>.
        /// </summary>
        private void EntityField(
            FetchGroup group,
            Place place,
            NamedType parent,
            InterfaceType entityType,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers,
            string subgraph,
            SelectionSetNode key)
        {
            var dependency = group;
            var required = schema.Requires(subgraph, entityType.Name, field.Name.Value);
            if (required is not null)
            {
                dependency = Require(group, place, parent, field, path, subgraph, required);
            }

            var target = InterfaceEntity(dependency, place, entityType, subgraph, key, path, wrappers);
            var child = dependency.EntityChild(subgraph, path);
            if (required is not null)
            {
                child.AddRequired(entityType.Name, key, required);
            }

            AddField(child, target, entityType, field, path, null);
        }

        /// <summary>
        /// The selection of the entity fetch of <paramref name="subgraph"/> at <paramref name="path"/>
        /// on <paramref name="entityType"/>, after <paramref name="group"/>, inside <paramref name="wrappers"/>;
        /// the key and <c>__typename</c> are selected at <paramref name="place"/>.
        /// A subgraph that defines the interface answers with the concrete <c>__typename</c>, so it is asked for it.
        /// </summary>
        private SelectionBuilder InterfaceEntity(
            FetchGroup group,
            Place place,
            InterfaceType entityType,
            string subgraph,
            SelectionSetNode key,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            place.Target.AddTypename();
            place.Target.AddFieldSet(key);
            var child = group.EntityChild(subgraph, path);
            child.AddInterfaceEntity(entityType.Name, schema.Api.GetPossibleTypes(entityType).Select(t => t.Name));
            var selection = child.EntitySelection(entityType.Name, key);
            if (!schema.IsInterfaceObject(entityType.Name, subgraph))
            {
                selection.AddTypename();
            }

            return Enter(selection, wrappers);
        }

        /// <summary>The subgraphs the planner can fetch the field from correctly (<see cref="Plannable"/>); none when none is given.</summary>
        private List<string> PlannableOrNone(IReadOnlyList<string> subgraphs, string type, string field) =>
            subgraphs.Count == 0 ? [] : Plannable(subgraphs, type, field);
    }
}
