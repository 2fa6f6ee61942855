using System.Runtime.CompilerServices;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// Routing: which subgraph a field is fetched from when several could, and how an entity is
/// reached. Each option is weighed by what the rest of its selection would cost from there
/// (<see cref="PlanCost"/>: fetches one after another, then fetches in all), estimated by walking
/// the selection the way the planner would, without building fetches. A key the current fetch
/// cannot give is fetched first from a subgraph that can look the entity up by a key it does give
/// (an intermediate subgraph; several in a chain when needed). Ties go to the earlier subgraph in
/// supergraph order, so plans are deterministic.
/// </summary>
internal sealed partial class QueryPlanner
{
    private sealed partial class Walk
    {
        /// <summary>Estimated costs per selection set (by reference), subgraph, type and what is provided there.</summary>
        private readonly ConditionalWeakTable<SelectionSetNode, Dictionary<(string Subgraph, string Type, SelectionSetNode? Provided), PlanCost>> costs = [];

        /// <summary>Keys being gathered (type, target subgraph): a key that needs itself is no way there.</summary>
        private readonly HashSet<(string Type, string Subgraph)> keysInProgress = [];

        /// <summary>Requirements being estimated (type, field): one that needs itself is no way there.</summary>
        private readonly HashSet<(string Type, string Field)> requiresInProgress = [];

        /// <summary>Subgraphs a root fetch goes to whatever else is chosen: the only ones that can resolve some root field.</summary>
        private HashSet<string>? forcedRoots;

        /// <summary>
        /// The subgraph a root field is cheapest from: what its selection costs there, plus a fetch
        /// when no root fetch of that subgraph is made (or forced) already; null when no candidate
        /// can plan it, to let the usual path refuse it naming the coordinate.
        /// </summary>
        private string? CheapestRoot(FieldNode field, IReadOnlyList<string> subgraphs)
        {
            if (subgraphs.Count == 1)
            {
                return null;
            }

            forcedRoots ??= ForcedRoots();
            string? best = null;
            var bestCost = PlanCost.Impossible;
            foreach (var subgraph in subgraphs)
            {
                var cost = RootFieldCost(subgraph, field);
                var joined = operation.Operation == OperationType.Mutation
                    ? Roots.Count > 0 && Roots[^1].Subgraph == subgraph
                    : Roots.Exists(r => r.Subgraph == subgraph) || forcedRoots.Contains(subgraph);
                if (!joined)
                {
                    cost = cost.Then(operation.Operation == OperationType.Mutation ? PlanCost.OneFetch : new PlanCost(0, 1));
                }

                if (cost < bestCost)
                {
                    (best, bestCost) = (subgraph, cost);
                }
            }

            return best;
        }

        private PlanCost RootFieldCost(string subgraph, FieldNode field)
        {
            var definition = rootType.GetField(field.Name.Value);
            if (definition is null || Facts.NotPlanned(subgraph, rootType.Name, field.Name.Value) is not null)
            {
                return PlanCost.Impossible;
            }

            return IsComposite(definition.Type.Named)
                ? SelectionCost(subgraph, definition.Type.Named, field.SelectionSet!, Facts.Provides(subgraph, rootType.Name, field.Name.Value))
                : PlanCost.None;
        }

        private HashSet<string> ForcedRoots()
        {
            var forced = new HashSet<string>(StringComparer.Ordinal);
            if (operation.Operation == OperationType.Mutation)
            {
                return forced;
            }

            foreach (var (_, field) in FieldsOf("", rootType, operation.SelectionSet))
            {
                var able = Facts.ResolvingSubgraphs(rootType.Name, field.Name.Value).Where(s => RootFieldCost(s, field).IsPossible).ToList();
                if (able.Count == 1)
                {
                    forced.Add(able[0]);
                }
            }

            return forced;
        }

        /// <summary>
        /// Whether a field the current subgraph resolves is better fetched, with its whole selection,
        /// from another subgraph through the entity's key: a shareable field whose value the current
        /// subgraph cannot complete (a value type's field only another subgraph has) or only at a
        /// higher cost.
        /// </summary>
        private bool CheaperElsewhere(FetchGroup group, Place place, ObjectType parent, FieldNode field)
        {
            var definition = parent.GetField(field.Name.Value);
            if (definition is null || !IsComposite(definition.Type.Named) || Facts.ResolvingSubgraphs(parent.Name, field.Name.Value).Count < 2)
            {
                return false;
            }

            var here = SelectionCost(group.Subgraph, definition.Type.Named, field.SelectionSet!, Facts.Provides(group.Subgraph, parent.Name, field.Name.Value));
            return here != PlanCost.None && JumpCost(group.Subgraph, parent, field, place.Provided, leave: group.Subgraph) < here;
        }

        /// <summary>
        /// Of <paramref name="candidates"/>, the subgraph an entity fetch for the field is cheapest
        /// from, and the key it is reached by (null: a key the current fetch cannot give, fetched
        /// first through an intermediate subgraph). Ties: no required fields, an entity fetch already
        /// made at this path, then supergraph order. Null when none can be planned.
        /// </summary>
        private (string Subgraph, SelectionSetNode? Key)? CheapestJump(FetchGroup group, Place place, ObjectType parent, FieldNode field, IReadOnlyList<string> candidates, string pathKey)
        {
            (string Subgraph, SelectionSetNode? Key)? best = null;
            var bestRank = (Cost: PlanCost.Impossible, Requires: 1, Existing: 1);
            foreach (var subgraph in candidates)
            {
                var cost = JumpCostTo(group.Subgraph, parent, field, place.Provided, subgraph, out var key, out var direct);
                if (!cost.IsPossible)
                {
                    continue;
                }

                var requires = Facts.Requires(subgraph, parent.Name, field.Name.Value) is null ? 0 : 1;
                var existing = direct && requires == 0 && group.ExistingChild([subgraph], pathKey) is not null ? 0 : 1;
                if (existing == 0)
                {
                    // The entity fetch already made here takes the field: no fetch of its own.
                    cost = new PlanCost(cost.Steps, cost.Fetches - 1);
                }

                var rank = (cost, requires, existing);
                if (best is null || Compare(rank, bestRank) < 0)
                {
                    best = (subgraph, direct ? key : null);
                    bestRank = rank;
                }
            }

            return best;

            static int Compare((PlanCost Cost, int Requires, int Existing) a, (PlanCost Cost, int Requires, int Existing) b) =>
                a.Cost != b.Cost ? a.Cost.CompareTo(b.Cost) : a.Requires != b.Requires ? a.Requires.CompareTo(b.Requires) : a.Existing.CompareTo(b.Existing);
        }

        /// <summary>
        /// Fetches the fields of the cheapest key of <paramref name="subgraph"/> the current fetch
        /// cannot give, for the object at <paramref name="path"/>, from the subgraphs that resolve
        /// them (an intermediate subgraph reached by a key the current fetch gives). Returns the key
        /// and the fetch the entity fetch must follow.
        /// </summary>
        private (SelectionSetNode Key, FetchGroup Dependency) GatherKey(
            FetchGroup group,
            Place place,
            ObjectType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            string subgraph)
        {
            KeyCost(group.Subgraph, parent, subgraph, place.Provided, out var key, out _);
            place.Scope.AddTypename();
            return (key!, Require(group, place, parent, field, path, subgraph, key!, forKey: true));
        }

        /// <summary>The later of two fetches an entity fetch depends on; refused when neither follows the other.</summary>
        private static FetchGroup Later(FetchGroup a, FetchGroup b, ObjectType parent, FieldNode field, string subgraph) =>
            a.IsAncestorOf(b) ? b
            : b.IsAncestorOf(a) ? a
            : throw new QueryPlanningException(
                $"{parent.Name}.{field.Name.Value} in subgraph \"{subgraph}\" needs a key and @requires fields that two subgraphs give side by side, which the planner does not plan.");

        /// <summary>Whether <paramref name="subgraph"/> gives every field of the field set on <paramref name="parent"/> (nested ones too) where <paramref name="provided"/> is what is provided there.</summary>
        private bool GivesAll(string subgraph, NamedType parent, SelectionSetNode fields, SelectionSetNode? provided)
        {
            foreach (var selection in fields.Selections)
            {
                if (selection is not FieldNode field)
                {
                    return false;
                }

                var name = field.Name.Value;
                if (name == "__typename")
                {
                    continue;
                }

                var providedHere = Provided(provided, parent, name);
                if (providedHere is null && !(Facts.Resolves(subgraph, parent.Name, name) && Facts.Requires(subgraph, parent.Name, name) is null))
                {
                    return false;
                }

                if (field.SelectionSet is { } nested)
                {
                    if (parent is not FieldsType fieldsType || fieldsType.GetField(name) is not { } definition)
                    {
                        return false;
                    }

                    var inner = providedHere is { Selections.Count: > 0 } ? providedHere : Facts.Provides(subgraph, parent.Name, name);
                    if (!GivesAll(subgraph, definition.Type.Named, nested, inner))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// What resolving <paramref name="selections"/> on <paramref name="parent"/> costs beyond the
        /// fetch of <paramref name="subgraph"/> that returns the object: nothing when that subgraph
        /// resolves it all, else the entity fetches it needs.
        /// </summary>
        private PlanCost SelectionCost(string subgraph, NamedType parent, SelectionSetNode selections, SelectionSetNode? provided)
        {
            var known = costs.GetOrCreateValue(selections);
            var key = (subgraph, parent.Name, provided);
            if (known.TryGetValue(key, out var cost))
            {
                return cost;
            }

            // A selection met again while it is being estimated leads nowhere new.
            known[key] = PlanCost.Impossible;
            cost = PlanCost.None;
            foreach (var (on, field) in FieldsOf(subgraph, parent, selections))
            {
                cost = cost.Beside(FieldCost(subgraph, on, field, provided));
                if (!cost.IsPossible)
                {
                    break;
                }
            }

            known[key] = cost;
            return cost;
        }

        private PlanCost FieldCost(string subgraph, NamedType parent, FieldNode field, SelectionSetNode? provided)
        {
            var name = field.Name.Value;
            if (name == "__typename" || parent is not FieldsType fieldsType || fieldsType.GetField(name) is not { } definition)
            {
                return PlanCost.None;
            }

            var type = definition.Type.Named;
            if (Provided(provided, parent, name) is { } providedHere)
            {
                return IsComposite(type) ? SelectionCost(subgraph, type, field.SelectionSet!, providedHere.Selections.Count > 0 ? providedHere : null) : PlanCost.None;
            }

            var local = Facts.Resolves(subgraph, parent.Name, name)
                && Facts.Requires(subgraph, parent.Name, name) is null
                && Facts.NotPlanned(subgraph, parent.Name, name) is null
                && (parent is ObjectType || Uniform(subgraph, parent, name));
            var best = !local ? PlanCost.Impossible
                : IsComposite(type) ? SelectionCost(subgraph, type, field.SelectionSet!, Facts.Provides(subgraph, parent.Name, name))
                : PlanCost.None;
            if (best == PlanCost.None)
            {
                return best;
            }

            if (parent is ObjectType objectType)
            {
                return PlanCost.Min(best, JumpCost(subgraph, objectType, field, provided, leave: local ? subgraph : null));
            }

            if (local)
            {
                return best;
            }

            // Asked on an abstract type the subgraph cannot resolve for all its members: per member.
            var perMember = PlanCost.None;
            var any = false;
            foreach (var member in Facts.Api.GetPossibleTypes(parent))
            {
                if (Facts.IsMember(parent.Name, member.Name, subgraph))
                {
                    any = true;
                    perMember = perMember.Beside(FieldCost(subgraph, member, field, null));
                }
            }

            return any ? perMember : PlanCost.Impossible;
        }

        /// <summary>The cheapest entity fetch of another subgraph for the field, <paramref name="leave"/> excepted.</summary>
        private PlanCost JumpCost(string from, ObjectType parent, FieldNode field, SelectionSetNode? provided, string? leave)
        {
            var best = PlanCost.Impossible;
            foreach (var subgraph in Facts.ResolvingSubgraphs(parent.Name, field.Name.Value))
            {
                if (subgraph != leave)
                {
                    best = PlanCost.Min(best, JumpCostTo(from, parent, field, provided, subgraph, out _, out _));
                }
            }

            return best;
        }

        /// <param name="direct">Whether the current fetch gives <paramref name="key"/> itself.</param>
        private PlanCost JumpCostTo(string from, ObjectType parent, FieldNode field, SelectionSetNode? provided, string subgraph, out SelectionSetNode? key, out bool direct)
        {
            var name = field.Name.Value;
            direct = false;
            key = null;
            if (Facts.NotPlanned(subgraph, parent.Name, name) is not null)
            {
                return PlanCost.Impossible;
            }

            var before = KeyCost(from, parent, subgraph, provided, out key, out direct);
            if (!before.IsPossible)
            {
                return before;
            }

            if (Facts.Requires(subgraph, parent.Name, name) is { } required)
            {
                if (!requiresInProgress.Add((parent.Name, name)))
                {
                    return PlanCost.Impossible;
                }

                try
                {
                    before = before.Beside(SelectionCost(from, parent, required, provided));
                }
                finally
                {
                    requiresInProgress.Remove((parent.Name, name));
                }
            }

            var type = parent.GetField(name)!.Type.Named;
            return before.Then(PlanCost.OneFetch).Then(IsComposite(type)
                ? SelectionCost(subgraph, type, field.SelectionSet!, Facts.Provides(subgraph, parent.Name, name))
                : PlanCost.None);
        }

        /// <summary>
        /// What it costs to have a key by which <paramref name="subgraph"/> looks the entity up:
        /// nothing when <paramref name="from"/> gives one (the first such, <paramref name="direct"/>),
        /// else the cheapest key's fields fetched from where they are resolved.
        /// </summary>
        private PlanCost KeyCost(string from, ObjectType parent, string subgraph, SelectionSetNode? provided, out SelectionSetNode? key, out bool direct)
        {
            key = null;
            direct = false;
            foreach (var candidate in Facts.ResolvableKeys(parent.Name, subgraph))
            {
                if (GivesAll(from, parent, candidate, provided))
                {
                    key = candidate;
                    direct = true;
                    return PlanCost.None;
                }
            }

            if (from == subgraph || !keysInProgress.Add((parent.Name, subgraph)))
            {
                return PlanCost.Impossible;
            }

            try
            {
                var best = PlanCost.Impossible;
                foreach (var candidate in Facts.ResolvableKeys(parent.Name, subgraph))
                {
                    var cost = SelectionCost(from, parent, candidate, provided);
                    if (cost < best)
                    {
                        (best, key) = (cost, candidate);
                    }
                }

                return best;
            }
            finally
            {
                keysInProgress.Remove((parent.Name, subgraph));
            }
        }

        /// <summary>The fields of a selection with the type each is asked on, fragments expanded as the walk expands them in <paramref name="subgraph"/>.</summary>
        private IEnumerable<(NamedType Parent, FieldNode Field)> FieldsOf(string subgraph, NamedType parent, SelectionSetNode selections)
        {
            foreach (var selection in selections.Selections)
            {
                if (Conditions(selection.Directives) is null)
                {
                    continue;
                }

                var (typeCondition, inner) = selection switch
                {
                    FieldNode field => (null, null),
                    InlineFragmentNode inline => (inline.TypeCondition?.Name.Value, inline.SelectionSet),
                    FragmentSpreadNode spread => (Fragments[spread.Name.Value].TypeCondition.Name.Value, Fragments[spread.Name.Value].SelectionSet),
                    _ => (null, (SelectionSetNode?)null),
                };
                if (selection is FieldNode asField)
                {
                    yield return (parent, asField);
                    continue;
                }

                if (inner is null)
                {
                    continue;
                }

                var condition = typeCondition is null ? parent : Facts.Api.GetType(typeCondition);
                NamedType? on = condition is null ? null
                    : condition == parent || (parent is ObjectType && Facts.Api.IsSubType(condition, parent)) ? parent
                    : parent is ObjectType ? null
                    : (condition is ObjectType ? Facts.IsMember(parent.Name, condition.Name, subgraph) : Facts.HasType(condition.Name, subgraph)) ? condition
                    : null;
                if (on is null)
                {
                    continue;
                }

                foreach (var item in FieldsOf(subgraph, on, inner))
                {
                    yield return item;
                }
            }
        }

        private static bool IsComposite(NamedType type) => type is ObjectType or InterfaceType or UnionType;
    }
}
