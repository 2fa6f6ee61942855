using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Planning;

/// <summary>
/// Plans a validated operation over the supergraph. Each field is fetched from the subgraph
/// already being asked when that subgraph resolves it; otherwise the planner adds the entity's
/// key (and <c>__typename</c>) to the current fetch and hands the field to an entity fetch of a
/// subgraph that resolves it — one per subgraph and response path, so sibling selections merge
/// and a list's entities go in one batch. Root query fetches run in parallel, root mutation
/// fields in order. Fragments are expanded; <c>@skip</c>/<c>@include</c> with a literal are
/// decided here, with a variable they stay in the subgraph operations, so one plan serves every
/// variable value.
/// </summary>
internal sealed partial class QueryPlanner(PlanningSchema schema)
{
    /// <summary>The most selections one plan may visit; see <see cref="Walk.Work"/>.</summary>
    internal const long MaxWork = 200_000;

    private static readonly ListTypeNode RepresentationsType =
        new(new NonNullTypeNode(new NamedTypeNode(new NameNode("_Any"))));

    public PlanningSchema Schema => schema;

    /// <exception cref="QueryPlanningException">No subgraph reaches a field from where it is asked, or the operation is not in the document.</exception>
    public QueryPlan Plan(DocumentNode document, string? operationName) => Plan(document, operationName, out _);

    /// <param name="work">Selections the walk visited, for tests that bound it by the document's size.</param>
    internal QueryPlan Plan(DocumentNode document, string? operationName, out long work)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out var error)
            ?? throw new QueryPlanningException(error!.Message);
        var walk = new Walk(schema, operation, fragments);
        walk.Root(operation.SelectionSet, []);
        work = walk.Work;
        foreach (var root in walk.Roots)
        {
            AliasShapes(root, operation.Operation, walk.Aliases);
        }

        return new QueryPlan(operation.Operation, Build(walk, operation));
    }

    private static PlanNode? Build(Walk walk, OperationDefinitionNode operation)
    {
        var fetchIndex = 0;
        var roots = walk.Roots.Select(group => Subtree(group, operation, ref fetchIndex)).ToList();
        return roots.Count switch
        {
            0 => null,
            1 => roots[0],
            _ => operation.Operation == OperationType.Mutation ? new SequenceNode(roots) : new ParallelNode(roots),
        };
    }

    private static PlanNode Subtree(FetchGroup group, OperationDefinitionNode operation, ref int fetchIndex)
    {
        var fetch = Fetch(group, operation, fetchIndex++);
        PlanNode node = group.IsEntity ? new FlattenNode(group.Path, fetch) : fetch;
        if (group.Children.Count > 0)
        {
            node = WithChildren(node, group, operation, ref fetchIndex);
        }

        return CommonCondition(fetch) is { } condition
            ? new ConditionNode(condition.Variable, condition.Include, DefaultOf(operation, condition.Variable), node)
            : node;
    }

    private static PlanNode WithChildren(PlanNode node, FetchGroup group, OperationDefinitionNode operation, ref int fetchIndex)
    {
        var children = new List<PlanNode>(group.Children.Count);
        foreach (var child in group.Children)
        {
            children.Add(Subtree(child, operation, ref fetchIndex));
        }

        var steps = new List<PlanNode> { node };
        if (children.Count > 1)
        {
            steps.Add(new ParallelNode(children));
        }
        else if (children[0] is SequenceNode sequence)
        {
            steps.AddRange(sequence.Nodes);
        }
        else
        {
            steps.Add(children[0]);
        }

        return new SequenceNode(steps);
    }

    /// <summary>
    /// The one <c>@include</c>/<c>@skip</c> on a variable that every selection of the fetch
    /// carries (looking into the entity fetch's <c>... on T</c>); null when there is none.
    /// </summary>
    private static (string Variable, bool Include)? CommonCondition(FetchNode fetch)
    {
        var selections = fetch.IsEntityFetch
            ? fetch.Selection.Selections.SelectMany(s => ((InlineFragmentNode)s).SelectionSet.Selections).ToList()
            : [.. fetch.Selection.Selections];
        (string Variable, bool Include)? common = null;
        foreach (var selection in selections)
        {
            if (selection.Directives is not [{ Arguments: [{ Value: VariableNode variable }] } directive])
            {
                return null;
            }

            var condition = (variable.Name.Value, directive.Name.Value == "include");
            if (common is not null && common != condition)
            {
                return null;
            }

            common = condition;
        }

        return common;
    }

    private static bool DefaultOf(OperationDefinitionNode operation, string variable) =>
        operation.VariableDefinitions.FirstOrDefault(d => d.Variable.Name.Value == variable)?.DefaultValue is BooleanValueNode { Value: true };

    private static FetchNode Fetch(FetchGroup group, OperationDefinitionNode operation, int index)
    {
        var selection = group.BuildSelection();
        var used = new HashSet<string>(StringComparer.Ordinal);
        VariablesIn(selection, used);
        var definitions = new List<VariableDefinitionNode>();
        var usages = new List<string>();
        var defaults = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (group.IsEntity)
        {
            definitions.Add(new VariableDefinitionNode(new VariableNode(new NameNode("representations")), new NonNullTypeNode(RepresentationsType), null, []));
        }

        foreach (var definition in operation.VariableDefinitions)
        {
            var variable = definition.Variable.Name.Value;
            if (used.Contains(variable))
            {
                usages.Add(variable);
                definitions.Add(definition with { Directives = [], Location = null });
                if (definition.DefaultValue is BooleanValueNode { Value: var value })
                {
                    defaults[variable] = value;
                }
            }
        }

        var body = group.IsEntity
            ? new SelectionSetNode([
                new FieldNode(
                    null,
                    new NameNode("_entities"),
                    [new ArgumentNode(new NameNode("representations"), new VariableNode(new NameNode("representations")))],
                    [],
                    selection),
            ])
            : selection;
        var name = operation.Name is { } operationName
            ? new NameNode($"{operationName.Value}__{group.Subgraph.Replace('-', '_')}__{index}")
            : null;
        var kind = group.IsEntity ? OperationType.Query : operation.Operation;
        var text = Printer.Print(new OperationDefinitionNode(kind, name, definitions, [], body));
        return new FetchNode(group.Subgraph, kind, selection, group.BuildRequires(), usages, text)
        {
            BooleanDefaults = defaults,
            Keys = group.HasRequired ? group.BuildRequires(keysOnly: true) : null,
            Renames = group.Renames,
            UnnamedFields = group.Unnamed,
            TypenameRewrites = group.TypenameRewrites,
        };
    }

    /// <summary>Adds to <paramref name="used"/> the name of every variable <paramref name="node"/> uses (arguments, directives, nested selections).</summary>
    internal static void VariablesIn(SyntaxNode node, HashSet<string> used)
    {
        switch (node)
        {
            case SelectionSetNode set:
                foreach (var selection in set.Selections)
                {
                    VariablesIn(selection, used);
                }

                break;
            case FieldNode field:
                foreach (var argument in field.Arguments)
                {
                    VariablesIn(argument.Value, used);
                }

                DirectiveVariables(field.Directives, used);
                if (field.SelectionSet is { } fieldSelections)
                {
                    VariablesIn(fieldSelections, used);
                }

                break;
            case InlineFragmentNode fragment:
                DirectiveVariables(fragment.Directives, used);
                VariablesIn(fragment.SelectionSet, used);
                break;
            case VariableNode variable:
                used.Add(variable.Name.Value);
                break;
            case ListValueNode list:
                foreach (var value in list.Values)
                {
                    VariablesIn(value, used);
                }

                break;
            case ObjectValueNode obj:
                foreach (var objectField in obj.Fields)
                {
                    VariablesIn(objectField.Value, used);
                }

                break;
        }
    }

    private static void DirectiveVariables(IReadOnlyList<DirectiveNode> directives, HashSet<string> used)
    {
        foreach (var directive in directives)
        {
            foreach (var argument in directive.Arguments)
            {
                VariablesIn(argument.Value, used);
            }
        }
    }

    /// <summary>The walk over one operation's selections, building the fetch groups.</summary>
    private sealed partial class Walk(PlanningSchema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        private PlanningSchema Facts => schema;

        private IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments => fragments;

        private readonly ObjectType rootType = schema.Api.GetRootType(operation.Operation)
            ?? throw new QueryPlanningException($"The schema has no {operation.Operation.ToString().ToLowerInvariant()} type.");

        /// <summary>
        /// Fragments already expanded into a place. Expanding a fragment again into the same
        /// selection, under the same conditions, adds nothing (the builders merge), and following
        /// every spread anew made fragments that spread the next one twice cost 2^n.
        /// </summary>
        private readonly HashSet<Expansion> expanded = [];

        public List<FetchGroup> Roots { get; } = [];

        /// <summary>The aliases this plan generates, none of them a name of the operation or the schema.</summary>
        public GeneratedAliases Aliases => aliases ??= NewAliases(schema, operation, fragments);

        /// <summary>While fetching required fields: the fetches that received a field, for the requiring fetch to follow.</summary>
        private List<FetchGroup>? touched;

        /// <summary>The requiring fields being planned, to refuse a requirement that leads back to itself.</summary>
        private readonly HashSet<(string Type, string Field, string Path)> requiring = [];

        /// <summary>
        /// Where a selection goes: <see cref="Target"/> under the conditions met so far,
        /// <see cref="Scope"/> the same object outside them (required fields go there), and what the
        /// field that returned the object @provides of it in this fetch.
        /// </summary>
        private readonly record struct Place(SelectionBuilder Target, SelectionBuilder Scope, SelectionSetNode? Provided);

        /// <summary>
        /// Selections visited, at most <see cref="MaxWork"/>. Memoized expansion keeps the walk linear
        /// unless spreads carry different @skip/@include variables at every level: each combination of
        /// conditions is a different place in the subgraph operation, and their number can double per
        /// level. Such an operation is refused rather than planned for ever.
        /// </summary>
        public long Work { get; private set; }

        private void Visit()
        {
            if (++Work > MaxWork)
            {
                throw new QueryPlanningException(
                    $"it expands to more than {MaxWork} selections (its fragments are spread under too many different @skip/@include conditions).");
            }
        }

        /// <summary>Where a fragment was expanded: the selection (or the root), the type, and the conditions around it.</summary>
        private readonly record struct Expansion(object Target, FragmentDefinitionNode Fragment, NamedType? Parent, string Conditions);

        private static readonly object RootTarget = new();

        private bool FirstExpansion(object target, FragmentDefinitionNode fragment, NamedType? parent, IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers, IReadOnlyList<DirectiveNode> conditions) =>
            expanded.Add(new Expansion(target, fragment, parent, ConditionsKey(wrappers, conditions)));

        /// <summary>The @skip/@include conditions as text: equal conditions from different spreads are different nodes.</summary>
        private static string ConditionsKey(IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers, IReadOnlyList<DirectiveNode> conditions)
        {
            if (wrappers.Count == 0 && conditions.Count == 0)
            {
                return "";
            }

            var key = new System.Text.StringBuilder();
            foreach (var wrapper in wrappers)
            {
                AppendConditions(key, wrapper);
                key.Append('|');
            }

            AppendConditions(key, conditions);
            return key.ToString();
        }

        private static void AppendConditions(System.Text.StringBuilder key, IReadOnlyList<DirectiveNode> directives)
        {
            foreach (var directive in directives)
            {
                key.Append(Printer.Print(directive)).Append(' ');
            }
        }

        /// <summary>
        /// Root fields: each goes to a root fetch of a subgraph that resolves it — for queries the
        /// one fetch per subgraph, for mutations the previous fetch only when it is the same
        /// subgraph (mutation fields run in order). <paramref name="wrappers"/> are the
        /// conditional fragments around the fields.
        /// </summary>
        public void Root(SelectionSetNode selectionSet, IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            foreach (var selection in selectionSet.Selections)
            {
                Visit();
                if (Conditions(selection.Directives) is not { } conditions)
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        if (field.Name.Value.StartsWith("__", StringComparison.Ordinal))
                        {
                            // __typename, __schema and __type: the gateway answers them from the API schema.
                            continue;
                        }

                        var subgraphs = schema.ResolvingSubgraphs(rootType.Name, field.Name.Value);
                        if (subgraphs.Count == 0)
                        {
                            throw new QueryPlanningException($"No subgraph resolves {rootType.Name}.{field.Name.Value}.");
                        }

                        subgraphs = Plannable(subgraphs, rootType.Name, field.Name.Value);
                        if (CheapestRoot(field, subgraphs) is { } cheapest)
                        {
                            subgraphs = [cheapest];
                        }

                        var group = operation.Operation == OperationType.Mutation
                            ? (Roots.Count > 0 && subgraphs.Contains(Roots[^1].Subgraph) ? Roots[^1] : null)
                            : Roots.Find(r => subgraphs.Contains(r.Subgraph));
                        if (group is null)
                        {
                            group = FetchGroup.ForRoot(subgraphs[0]);
                            Roots.Add(group);
                        }

                        AddField(group, Enter(group.Root, wrappers), rootType, field with { Directives = conditions }, [], null);
                        break;
                    case InlineFragmentNode inline:
                        Root(inline.SelectionSet, conditions.Count > 0 ? [.. wrappers, conditions] : wrappers);
                        break;
                    case FragmentSpreadNode spread:
                        var fragment = fragments[spread.Name.Value];
                        if (FirstExpansion(RootTarget, fragment, null, wrappers, conditions))
                        {
                            Root(fragment.SelectionSet, conditions.Count > 0 ? [.. wrappers, conditions] : wrappers);
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// The selections on an object (or abstract) type <paramref name="parent"/> inside
        /// <paramref name="group"/>, written into <paramref name="target"/>.
        /// <paramref name="wrappers"/> are the conditional fragments entered since the last field:
        /// an entity fetch made here must repeat them.
        /// </summary>
        private void Selections(
            FetchGroup group,
            Place place,
            NamedType parent,
            SelectionSetNode selectionSet,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            foreach (var selection in selectionSet.Selections)
            {
                Visit();
                if (Conditions(selection.Directives) is not { } conditions)
                {
                    continue;
                }

                switch (selection)
                {
                    case FieldNode field:
                        Field(group, place, parent, field with { Directives = conditions }, path, wrappers);
                        break;
                    case InlineFragmentNode inline:
                        Fragment(group, place, parent, inline.TypeCondition?.Name.Value, conditions, inline.SelectionSet, path, wrappers);
                        break;
                    case FragmentSpreadNode spread:
                        var definition = fragments[spread.Name.Value];
                        if (FirstExpansion(place.Target, definition, parent, wrappers, conditions))
                        {
                            Fragment(group, place, parent, definition.TypeCondition.Name.Value, conditions, definition.SelectionSet, path, wrappers);
                        }

                        break;
                }
            }
        }

        private void Field(
            FetchGroup group,
            Place place,
            NamedType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            var name = field.Name.Value;
            if (name == "__typename")
            {
                place.Target.AddField(field, composite: false);
                return;
            }

            if (Provided(place.Provided, parent, name) is { } provided)
            {
                // The field that returned this object @provides it: the subgraph resolves it on this path.
                AddField(group, place.Target, (FieldsType)parent, field, path, provided);
                return;
            }

            if (schema.Resolves(group.Subgraph, parent.Name, name)
                && schema.Requires(group.Subgraph, parent.Name, name) is null
                && (parent is ObjectType || Uniform(group.Subgraph, parent, name)))
            {
                Refuse(group.Subgraph, parent, name);
                if (parent is ObjectType shared && CheaperElsewhere(group, place, shared, field))
                {
                    Jump(group, place, shared, field, path, wrappers, leave: group.Subgraph);
                    return;
                }

                AddField(group, place.Target, (FieldsType)parent, field, path, null);
                return;
            }

            if (parent is InterfaceType interfaceType && InterfaceEntityJump(group, place, interfaceType, field, path, wrappers))
            {
                return;
            }

            if (parent is not ObjectType objectType)
            {
                PerMember(group, place, parent, field, path, wrappers);
                return;
            }

            Jump(group, place, objectType, field, path, wrappers);
        }

        /// <summary>
        /// The part of a <c>@provides</c> field set that provides <paramref name="field"/> on
        /// <paramref name="parent"/>: its sub-selection (empty for a leaf); null when it does not.
        /// </summary>
        private static SelectionSetNode? Provided(SelectionSetNode? provided, NamedType parent, string field)
        {
            if (provided is null)
            {
                return null;
            }

            foreach (var selection in provided.Selections)
            {
                switch (selection)
                {
                    case FieldNode providedField when providedField.Name.Value == field:
                        return providedField.SelectionSet ?? Empty;
                    case InlineFragmentNode fragment when fragment.TypeCondition is null || fragment.TypeCondition.Name.Value == parent.Name:
                        if (Provided(fragment.SelectionSet, parent, field) is { } inFragment)
                        {
                            return inFragment;
                        }

                        break;
                }
            }

            return null;
        }

        private static readonly SelectionSetNode Empty = new([]);

        /// <summary>
        /// Hands <paramref name="field"/> to an entity fetch: a child fetch at this path whose
        /// subgraph resolves it when there is one, else the first subgraph (in supergraph order)
        /// that resolves it and can look the entity up by a key.
        /// </summary>
        private void Jump(
            FetchGroup group,
            Place place,
            ObjectType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers,
            string? leave = null)
        {
            var candidates = schema.ResolvingSubgraphs(parent.Name, field.Name.Value)
                .Where(s => s != leave && schema.ResolvableKey(parent.Name, s) is not null)
                .ToList();
            if (candidates.Count == 0)
            {
                if (InterfaceObjectJump(group, place, parent, field, path, wrappers))
                {
                    return;
                }

                throw new QueryPlanningException(
                    $"{parent.Name}.{field.Name.Value} is asked where subgraph \"{group.Subgraph}\" returns {parent.Name}, and no subgraph that resolves it can look {parent.Name} up by a key.");
            }

            candidates = Plannable(candidates, parent.Name, field.Name.Value);
            var pathKey = string.Join('.', path);
            string subgraph;
            SelectionSetNode? key;
            if (CheapestJump(group, place, parent, field, candidates, pathKey) is { } cheapest)
            {
                (subgraph, key) = cheapest;
            }
            else
            {
                // No candidate plans: the first way in the old order, to refuse naming what is missing.
                var reachable = candidates.Where(s => GivableKey(group, place, parent, s) is not null).ToList();
                if (reachable.Count == 0)
                {
                    var first = schema.ResolvableKey(parent.Name, candidates[0])!;
                    var missing = first.Selections.OfType<FieldNode>().FirstOrDefault(k => !Gives(group, place, parent, k.Name.Value)) ?? first.Selections.OfType<FieldNode>().First();
                    throw new QueryPlanningException(
                        $"Subgraph \"{group.Subgraph}\" cannot give the key field {parent.Name}.{missing.Name.Value} that subgraph \"{candidates[0]}\" needs, nor can another subgraph it reaches.");
                }

                var direct = reachable.Where(s => schema.Requires(s, parent.Name, field.Name.Value) is null).ToList();
                subgraph = direct.Count > 0
                    ? group.ExistingChild(direct, pathKey)?.Subgraph ?? direct[0]
                    : reachable[0];
                key = GivableKey(group, place, parent, subgraph)!;
            }

            var dependency = group;
            var required = schema.Requires(subgraph, parent.Name, field.Name.Value);
            if (required is not null)
            {
                required = AliasArguments(parent.Name, required);
                dependency = Require(group, place, parent, field, path, subgraph, required);
            }

            if (key is null)
            {
                // The current fetch gives none of the subgraph's keys: an intermediate subgraph's fetch gives one first.
                (key, var keyed) = GatherKey(group, place, parent, field, path, subgraph);
                dependency = required is null ? keyed : Later(dependency, keyed, parent, field, subgraph);
            }
            else
            {
                place.Target.AddTypename();
                place.Target.AddFieldSet(key);
            }

            var child = dependency.EntityChild(subgraph, path, parent.Name, required);
            if (required is not null)
            {
                child.AddRequired(parent.Name, key, required);
                Unnamed(schema, child, parent.Name, required);
            }

            AddField(child, Enter(child.EntitySelection(parent.Name, key), wrappers), parent, field, path, null);
        }

        /// <summary>
        /// The first key by which <paramref name="subgraph"/> resolves the entity — or <paramref name="keyType"/>, an interface the
        /// object at <paramref name="parent"/> implements — and whose fields (nested ones too) the current fetch gives there; null when none.
        /// </summary>
        private SelectionSetNode? GivableKey(FetchGroup group, Place place, NamedType parent, string subgraph, string? keyType = null)
        {
            foreach (var key in schema.ResolvableKeys(keyType ?? parent.Name, subgraph))
            {
                if (GivesAll(group.Subgraph, parent, key, place.Provided))
                {
                    return key;
                }
            }

            return null;
        }

        private bool Gives(FetchGroup group, Place place, NamedType parent, string field) =>
            (schema.Resolves(group.Subgraph, parent.Name, field) && schema.Requires(group.Subgraph, parent.Name, field) is null)
            || Provided(place.Provided, parent, field) is not null;

        /// <summary>
        /// Fetches the fields <paramref name="field"/> @requires in <paramref name="subgraph"/> for the
        /// object at <paramref name="path"/>, from wherever they are resolved (the current fetch, or
        /// entity fetches after it, which may need requires of their own), outside any condition so
        /// that the representation always has them. Returns the fetch the requiring fetch must
        /// follow: the last of the chain that gives them.
        /// </summary>
        private FetchGroup Require(
            FetchGroup group,
            Place place,
            NamedType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            string subgraph,
            SelectionSetNode required,
            bool forKey = false)
        {
            var what = forKey ? "needs key fields" : "@requires fields";
            if (!requiring.Add((parent.Name, forKey ? "@key " + field.Name.Value : field.Name.Value, pathKeyOf(path))))
            {
                throw new QueryPlanningException(
                    $"{parent.Name}.{field.Name.Value} in subgraph \"{subgraph}\" {what} that require it in turn.");
            }

            var outer = touched;
            touched = [group];
            try
            {
                Selections(group, place with { Target = place.Scope }, parent, required, path, []);
                var last = touched[0];
                foreach (var candidate in touched)
                {
                    if (candidate.Depth > last.Depth)
                    {
                        last = candidate;
                    }
                }

                foreach (var other in touched)
                {
                    if (!other.IsAncestorOf(last))
                    {
                        throw new QueryPlanningException(
                            $"{parent.Name}.{field.Name.Value} in subgraph \"{subgraph}\" {what} that two subgraphs give side by side, which the planner does not plan.");
                    }
                }

                outer?.AddRange(touched);
                return last;
            }
            finally
            {
                touched = outer;
                requiring.Remove((parent.Name, forKey ? "@key " + field.Name.Value : field.Name.Value, pathKeyOf(path)));
            }

            static string pathKeyOf(IReadOnlyList<string> path) => string.Join('.', path);
        }

        /// <summary>
        /// The subgraphs among <paramref name="subgraphs"/> the planner can fetch the field from
        /// correctly, in their order; refuses the operation, naming the coordinate, when none.
        /// </summary>
        private List<string> Plannable(IReadOnlyList<string> subgraphs, string type, string field)
        {
            var plannable = new List<string>(subgraphs.Count);
            string? reason = null;
            foreach (var subgraph in subgraphs)
            {
                if (schema.NotPlanned(subgraph, type, field) is { } notPlanned)
                {
                    reason ??= notPlanned;
                }
                else
                {
                    plannable.Add(subgraph);
                }
            }

            return plannable.Count > 0 ? plannable : throw new QueryPlanningException(reason!);
        }

        /// <summary>Refuses a field the current subgraph resolves when one of its features is not planned.</summary>
        private void Refuse(string subgraph, NamedType parent, string field)
        {
            if (schema.NotPlanned(subgraph, parent.Name, field) is { } reason)
            {
                throw new QueryPlanningException(reason);
            }
        }

        /// <summary>
        /// Whether every member the subgraph may return for <paramref name="parent"/> resolves the
        /// field there as the abstract type does (no @requires, nothing unplanned), so that
        /// selecting it on the abstract type is right for all of them.
        /// </summary>
        private bool Uniform(string subgraph, NamedType parent, string field)
        {
            foreach (var member in schema.Api.GetPossibleTypes(parent))
            {
                if (schema.IsMember(parent.Name, member.Name, subgraph)
                    && (!schema.Resolves(subgraph, member.Name, field)
                        || schema.Requires(subgraph, member.Name, field) is not null
                        || schema.NotPlanned(subgraph, member.Name, field) is not null))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A field of an abstract type the current subgraph cannot resolve for every member it may
        /// return: selected as <c>... on M { field }</c> for each such member, so that each member's
        /// field comes from where it is resolved (another subgraph, after its required fields).
        /// Members the subgraph never returns here are left out.
        /// </summary>
        private void PerMember(
            FetchGroup group,
            Place place,
            NamedType parent,
            FieldNode field,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            if (schema.NotPlanned(group.Subgraph, parent.Name, field.Name.Value) is { } reason)
            {
                throw new QueryPlanningException(reason);
            }

            var selection = new SelectionSetNode([field]);
            var any = false;
            foreach (var member in schema.Api.GetPossibleTypes(parent))
            {
                if (!schema.IsMember(parent.Name, member.Name, group.Subgraph))
                {
                    continue;
                }

                any = true;
                Selections(
                    group,
                    new Place(place.Target.AddFragment(member.Name, []), place.Scope.AddFragment(member.Name, []), place.Provided),
                    member,
                    selection,
                    path,
                    wrappers);
            }

            if (!any && !schema.Resolves(group.Subgraph, parent.Name, field.Name.Value))
            {
                throw new QueryPlanningException(
                    $"Subgraph \"{group.Subgraph}\" does not resolve {parent.Name}.{field.Name.Value} and returns no member of {parent.Name} that another subgraph could resolve it for.");
            }
        }

        private void Fragment(
            FetchGroup group,
            Place place,
            NamedType parent,
            string? typeCondition,
            IReadOnlyList<DirectiveNode> conditions,
            SelectionSetNode selectionSet,
            IReadOnlyList<string> path,
            IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            if (RouteToTypeTeller(group, place, parent, typeCondition, conditions, selectionSet, path, wrappers))
            {
                return;
            }

            var inner = conditions.Count > 0 ? [.. wrappers, conditions] : wrappers;
            var condition = typeCondition is null ? parent : schema.Api.GetType(typeCondition)!;
            if (condition == parent || (parent is ObjectType && schema.Api.IsSubType(condition, parent)))
            {
                // Always applies here: its selections join the parent's.
                var here = conditions.Count > 0 ? place with { Target = place.Target.AddFragment(null, conditions) } : place;
                Selections(group, here, parent, selectionSet, path, inner);
                return;
            }

            if (parent is ObjectType)
            {
                // An object type under another object type, or an abstract type without it: never applies.
                return;
            }

            if (AbstractConditions.MembersToNameOrNull(schema, parent, condition, group.Subgraph) is { } members)
            {
                foreach (var member in members)
                {
                    Fragment(group, place, parent, member.Name, conditions, selectionSet, path, wrappers);
                }

                return;
            }

            var known = condition is ObjectType
                ? schema.IsMember(parent.Name, condition.Name, group.Subgraph)
                : schema.HasType(condition.Name, group.Subgraph);
            if (!known)
            {
                // The subgraph never returns this type here, so nothing it returns can match.
                return;
            }

            Selections(
                group,
                new Place(place.Target.AddFragment(condition.Name, conditions), place.Scope.AddFragment(condition.Name, []), place.Provided),
                condition,
                selectionSet,
                path,
                inner);
        }

        /// <param name="provided">What the field's <c>@provides</c> (or the one above it) provides of its value in this fetch.</param>
        private void AddField(FetchGroup group, SelectionBuilder target, FieldsType parent, FieldNode field, IReadOnlyList<string> path, SelectionSetNode? provided)
        {
            touched?.Add(group);
            var definition = parent.GetField(field.Name.Value);
            if (definition is null && schema.HiddenLeafType(parent.Name, field.Name.Value) is not null)
            {
                // An @inaccessible field a requirement needs: fetched, never shown (the answer is shaped by the client's operation).
                target.AddField(field, composite: false);
                return;
            }

            if (definition is null)
            {
                // Not in the API schema: an @inaccessible field of an object type a requirement names, which is not named here either.
                throw new QueryPlanningException($"A field of {parent.Name} that a @requires needs is not in the API schema and not a scalar or enum, which the planner does not fetch.");
            }
            var type = definition.Type.Named;
            if (type is not (ObjectType or InterfaceType or UnionType))
            {
                target.AddField(field, composite: false);
                return;
            }

            var children = target.AddField(field, composite: true)!;
            if (type is not ObjectType)
            {
                // The gateway tells the concrete type of an abstract value by its __typename.
                children.AddTypename();
            }

            var childPath = new List<string>(path.Count + 2);
            childPath.AddRange(path);
            childPath.Add(field.ResponseName);
            for (var list = definition.Type; list is not NamedType; list = list is NonNullType nonNull ? nonNull.OfType : ((ListType)list).OfType)
            {
                if (list is ListType)
                {
                    childPath.Add("@");
                }
            }

            provided = schema.Provides(group.Subgraph, parent.Name, field.Name.Value) ?? (provided is { Selections.Count: > 0 } ? provided : null);
            if (type is InterfaceType interfaceType && schema.IsInterfaceObject(type.Name, group.Subgraph))
            {
                TellConcreteType(group, new Place(children, children, provided), interfaceType, childPath, parent.Name + "." + field.Name.Value);
            }

            Selections(group, new Place(children, children, provided), type, field.SelectionSet!, childPath, []);
        }

        private static SelectionBuilder Enter(SelectionBuilder target, IReadOnlyList<IReadOnlyList<DirectiveNode>> wrappers)
        {
            foreach (var conditions in wrappers)
            {
                target = target.AddFragment(null, conditions);
            }

            return target;
        }

        /// <summary>
        /// The <c>@skip</c>/<c>@include</c> directives left to decide at run time; null when a
        /// literal condition leaves the selection out. Other directives are dropped: the
        /// subgraphs know none of the client's executable directives.
        /// </summary>
        private static IReadOnlyList<DirectiveNode>? Conditions(IReadOnlyList<DirectiveNode> directives)
        {
            if (directives.Count == 0)
            {
                return directives;
            }

            List<DirectiveNode>? kept = null;
            foreach (var directive in directives)
            {
                var include = directive.Name.Value switch
                {
                    "include" => true,
                    "skip" => false,
                    _ => (bool?)null,
                };
                if (include is null || directive.Arguments.Count == 0)
                {
                    continue;
                }

                switch (directive.Arguments[0].Value)
                {
                    case BooleanValueNode literal:
                        if (literal.Value != include)
                        {
                            return null;
                        }

                        break;
                    default:
                        (kept ??= []).Add(directive with { Location = null });
                        break;
                }
            }

            return kept ?? (IReadOnlyList<DirectiveNode>)[];
        }
    }
}
