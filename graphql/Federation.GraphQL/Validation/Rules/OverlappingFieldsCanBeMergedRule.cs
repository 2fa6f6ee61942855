using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Field Selection Merging: "For each selection set set in the document:
/// FieldsInSetCanMerge(set) must be true." Fields with the same response name must be the same
/// field with the same arguments unless their parents are different object types, must return
/// shapes that can merge, and their subselections must merge too.
/// https://spec.graphql.org/September2025/#sec-Field-Selection-Merging
/// The algorithm is graphql-js 17's: collected fields and compared fragment pairs are cached so
/// that documents with many fragments stay near-linear, and a complexity budget aborts the rest.
/// graphql-js's fragment arguments are not part of our language, so every variable scope is the operation's.
/// </summary>
internal sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : RuleVisitor
{
    private readonly FieldMergeChecker checker = new(context);

    public override bool EnterSelectionSet(SelectionSetNode node)
    {
        if (context.Ancestors[^1] is InlineFragmentNode)
        {
            return true;
        }

        if (node.Selections.Count == 0 || (node.Selections.Count == 1 && node.Selections[0] is not InlineFragmentNode))
        {
            return true;
        }

        foreach (var conflict in checker.FindConflictsWithinSelectionSet(context.ParentType, node))
        {
            context.ReportError(new GraphQLError(
                $"Fields \"{FieldMergeChecker.MaybeAbbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. Use different aliases on the fields to fetch both if this was intentional.",
                [.. conflict.Fields1, .. conflict.Fields2]));
        }

        return true;
    }
}

/// <summary>Two fields under one response name that cannot be merged, and why.</summary>
internal sealed record FieldConflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

/// <summary>The comparisons behind <see cref="OverlappingFieldsCanBeMergedRule"/>, with their caches.</summary>
internal sealed class FieldMergeChecker(ValidationContext context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    /// <summary>Stands for "no such fragment" and "no type" in the reference-keyed caches.</summary>
    private static readonly object Missing = new();

    private readonly Dictionary<object, Dictionary<SelectionSetNode, CollectedFields>> collectedByType = new(ReferenceEqualityComparer.Instance);
    private readonly PairSet comparedFieldsAndFragments = new();
    private readonly PairSet comparedFragmentPairs = new();
    private int remainingBudget = MaxComplexityBudget;

    public static string MaybeAbbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    public List<FieldConflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<FieldConflict>();
        var collected = Collect(parentType, selectionSet);
        CollectConflictsWithin(conflicts, collected);
        if (collected.Spreads.Count != 0 && (collected.Groups.Count != 0 || collected.Spreads.Count > 1))
        {
            var spreads = FragmentsOf(collected);
            for (var i = 0; i < spreads.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, collected, spreads[i]);
                for (var j = i + 1; j < spreads.Count; j++)
                {
                    CollectConflictsBetweenFragments(conflicts, false, spreads[i], spreads[j]);
                }
            }
        }

        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(List<FieldConflict> conflicts, bool mutuallyExclusive, CollectedFields collected, FragmentDefinitionNode? fragment)
    {
        Spend(1);
        if (collected.Groups.Count == 0)
        {
            return;
        }

        if (comparedFieldsAndFragments.Has(collected, (object?)fragment ?? Missing, mutuallyExclusive, ordered: true))
        {
            return;
        }

        comparedFieldsAndFragments.Add(collected, (object?)fragment ?? Missing, mutuallyExclusive);
        if (fragment is null)
        {
            return;
        }

        var collected2 = CollectFragment(fragment);
        var referenced = FragmentsOf(collected2);
        if (ReferenceEquals(collected, collected2))
        {
            return;
        }

        CollectConflictsBetween(conflicts, mutuallyExclusive, collected, collected2);
        foreach (var spread in referenced)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, collected, spread);
        }
    }

    private void CollectConflictsBetweenFragments(List<FieldConflict> conflicts, bool mutuallyExclusive, FragmentDefinitionNode? fragment1, FragmentDefinitionNode? fragment2)
    {
        Spend(2);
        if (ReferenceEquals(fragment1, fragment2))
        {
            return;
        }

        var key1 = (object?)fragment1 ?? Missing;
        var key2 = (object?)fragment2 ?? Missing;
        if (comparedFragmentPairs.Has(key1, key2, mutuallyExclusive, ordered: false))
        {
            return;
        }

        comparedFragmentPairs.Add(key1, key2, mutuallyExclusive);
        if (fragment1 is null || fragment2 is null)
        {
            return;
        }

        var collected1 = CollectFragment(fragment1);
        var referenced1 = FragmentsOf(collected1);
        var collected2 = CollectFragment(fragment2);
        var referenced2 = FragmentsOf(collected2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, collected1, collected2);
        foreach (var spread2 in referenced2)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, fragment1, spread2);
        }

        foreach (var spread1 in referenced1)
        {
            CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, spread1, fragment2);
        }
    }

    private List<FieldConflict> FindConflictsBetweenSubSelectionSets(
        bool mutuallyExclusive, NamedType? parentType1, SelectionSetNode selectionSet1, NamedType? parentType2, SelectionSetNode selectionSet2)
    {
        var conflicts = new List<FieldConflict>();
        var collected1 = Collect(parentType1, selectionSet1);
        var spreads1 = FragmentsOf(collected1);
        var collected2 = Collect(parentType2, selectionSet2);
        var spreads2 = FragmentsOf(collected2);
        CollectConflictsBetween(conflicts, mutuallyExclusive, collected1, collected2);
        foreach (var spread2 in spreads2)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, collected1, spread2);
        }

        foreach (var spread1 in spreads1)
        {
            CollectConflictsBetweenFieldsAndFragment(conflicts, mutuallyExclusive, collected2, spread1);
        }

        foreach (var spread1 in spreads1)
        {
            foreach (var spread2 in spreads2)
            {
                CollectConflictsBetweenFragments(conflicts, mutuallyExclusive, spread1, spread2);
            }
        }

        return conflicts;
    }

    private void CollectConflictsWithin(List<FieldConflict> conflicts, CollectedFields collected)
    {
        foreach (var (responseName, fields) in collected.Groups)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    if (FindConflict(false, responseName, fields[i], fields[j]) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private void CollectConflictsBetween(List<FieldConflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectedFields collected1, CollectedFields collected2)
    {
        if (collected1.Groups.Count == 0 || collected2.Groups.Count == 0)
        {
            return;
        }

        foreach (var (responseName, fields1, fields2) in OverlappingFields(collected1, collected2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    if (FindConflict(parentFieldsAreMutuallyExclusive, responseName, field1, field2) is { } conflict)
                    {
                        conflicts.Add(conflict);
                    }
                }
            }
        }
    }

    private List<(string, List<CollectedField>, List<CollectedField>)> OverlappingFields(CollectedFields collected1, CollectedFields collected2)
    {
        collected1.OverlapsWith ??= new(ReferenceEqualityComparer.Instance);
        if (collected1.OverlapsWith.TryGetValue(collected2, out var cached))
        {
            return cached;
        }

        var overlapping = new List<(string, List<CollectedField>, List<CollectedField>)>();
        foreach (var (responseName, fields1) in collected1.Groups)
        {
            Spend(1);
            if (collected2.GroupsByName.TryGetValue(responseName, out var fields2))
            {
                overlapping.Add((responseName, fields1, fields2));
            }
        }

        collected1.OverlapsWith[collected2] = overlapping;
        return overlapping;
    }

    private FieldConflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, CollectedField field1, CollectedField field2)
    {
        var mutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (!ReferenceEquals(field1.ParentType, field2.ParentType) && field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        Spend(2);
        var node1 = field1.Node;
        var node2 = field2.Node;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf
            && ReferenceEquals(field1.Definition?.Type, field2.Definition?.Type)
            && node1.Name.Value == node2.Name.Value)
        {
            return null;
        }

        if (!mutuallyExclusive)
        {
            var name1 = node1.Name.Value;
            var name2 = node2.Name.Value;
            if (name1 != name2)
            {
                return new FieldConflict(responseName, $"\"{MaybeAbbreviate(name1)}\" and \"{MaybeAbbreviate(name2)}\" are different fields", [node1], [node2]);
            }

            if (!SameArguments(node1.Arguments, node2.Arguments))
            {
                return new FieldConflict(responseName, "they have differing arguments", [node1], [node2]);
            }
        }

        if (field1.StreamDirective is not null || field2.StreamDirective is not null)
        {
            var reason = "they have overlapping stream directives";
            if (field1.StreamDirective is { } stream1 && field2.StreamDirective is { } stream2 && SameArguments(stream1.Arguments, stream2.Arguments))
            {
                reason += ". See https://github.com/graphql/defer-stream-wg/discussions/100";
            }

            return new FieldConflict(responseName, reason, [node1], [node2]);
        }

        var type1 = field1.Definition?.Type;
        var type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            return new FieldConflict(responseName, $"they return conflicting types \"{type1}\" and \"{type2}\"", [node1], [node2]);
        }

        if (node1.SelectionSet is { } selectionSet1 && node2.SelectionSet is { } selectionSet2)
        {
            var conflicts = FindConflictsBetweenSubSelectionSets(mutuallyExclusive, type1?.Named, selectionSet1, type2?.Named, selectionSet2);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }

        return null;
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count == 0)
        {
            return arguments2.Count == 0;
        }

        if (arguments1.Count != arguments2.Count)
        {
            return false;
        }

        foreach (var argument1 in arguments1)
        {
            Spend(1);
            ValueNode? value2 = null;
            foreach (var argument2 in arguments2)
            {
                if (argument2.Name.Value == argument1.Name.Value)
                {
                    value2 = argument2.Value;
                }
            }

            if (value2 is null || !SameValue(argument1.Value, value2))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Structural equality of literals, ignoring the order of object fields (graphql-js compares sorted JSON).</summary>
    private static bool SameValue(ValueNode a, ValueNode b)
    {
        switch (a)
        {
            case VariableNode va:
                return b is VariableNode vb && va.Name.Value == vb.Name.Value;
            case IntValueNode ia:
                return b is IntValueNode ib && ia.Value == ib.Value;
            case FloatValueNode fa:
                return b is FloatValueNode fb && fa.Value == fb.Value;
            case StringValueNode sa:
                return b is StringValueNode sb && sa.Value == sb.Value && sa.Block == sb.Block;
            case BooleanValueNode ba:
                return b is BooleanValueNode bb && ba.Value == bb.Value;
            case NullValueNode:
                return b is NullValueNode;
            case EnumValueNode ea:
                return b is EnumValueNode eb && ea.Value == eb.Value;
            case ListValueNode la:
                if (b is not ListValueNode lb || la.Values.Count != lb.Values.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Values.Count; i++)
                {
                    if (!SameValue(la.Values[i], lb.Values[i]))
                    {
                        return false;
                    }
                }

                return true;
            case ObjectValueNode oa:
                if (b is not ObjectValueNode ob || oa.Fields.Count != ob.Fields.Count)
                {
                    return false;
                }

                var sortedA = SortedFields(oa);
                var sortedB = SortedFields(ob);
                for (var i = 0; i < sortedA.Count; i++)
                {
                    if (sortedA[i].Name.Value != sortedB[i].Name.Value || !SameValue(sortedA[i].Value, sortedB[i].Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static List<ObjectFieldNode> SortedFields(ObjectValueNode node)
    {
        var fields = new List<ObjectFieldNode>(node.Fields);
        Suggestions.JavaScriptSort(fields, (x, y) => string.CompareOrdinal(x.Name.Value, y.Name.Value));
        return fields;
    }

    /// <summary>Whether two field types have shapes that cannot be merged: different list or non-null wrapping, or different leaf types.</summary>
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
        {
            return false;
        }

        Spend(1);
        if (type1 is ListType list1)
        {
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        }

        if (type2 is ListType)
        {
            return true;
        }

        if (type1 is NonNullType nonNull1)
        {
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        }

        if (type2 is NonNullType)
        {
            return true;
        }

        return (type1.IsLeafType || type2.IsLeafType) && !ReferenceEquals(type1, type2);
    }

    private static FieldConflict? SubfieldConflicts(List<FieldConflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
        {
            return null;
        }

        var message = new System.Text.StringBuilder();
        foreach (var conflict in conflicts)
        {
            if (message.Length != 0)
            {
                message.Append(" and ");
            }

            message.Append("subfields \"").Append(MaybeAbbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new FieldConflict(
            responseName,
            MaybeAbbreviate(message.ToString()),
            ConflictNodes(node1, conflicts, first: true),
            ConflictNodes(node2, conflicts, first: false));
    }

    private static List<FieldNode> ConflictNodes(FieldNode node, List<FieldConflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (var conflict in conflicts)
        {
            var side = first ? conflict.Fields1 : conflict.Fields2;
            var remaining = MaxConflictNodes - nodes.Count;
            var take = Math.Min(remaining, side.Count);
            nodes.AddRange(side.GetRange(side.Count - take, take));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private CollectedFields CollectFragment(FragmentDefinitionNode fragment) =>
        Collect(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);

    private CollectedFields Collect(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var typeKey = (object?)parentType ?? Missing;
        if (!collectedByType.TryGetValue(typeKey, out var bySelectionSet))
        {
            bySelectionSet = new(ReferenceEqualityComparer.Instance);
            collectedByType[typeKey] = bySelectionSet;
        }

        if (!bySelectionSet.TryGetValue(selectionSet, out var collected))
        {
            collected = new CollectedFields();
            CollectInto(collected, parentType, selectionSet);
            bySelectionSet[selectionSet] = collected;
        }

        return collected;
    }

    private void CollectInto(CollectedFields collected, NamedType? parentType, SelectionSetNode selectionSet)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is FieldsType fields ? fields.GetField(field.Name.Value) : null;
                    DirectiveNode? stream = null;
                    foreach (var directive in field.Directives)
                    {
                        if (directive.Name.Value == "stream")
                        {
                            stream = directive;
                            break;
                        }
                    }

                    collected.Add(field.ResponseName, new CollectedField(
                        parentType,
                        field,
                        definition,
                        field.Arguments.Count == 0 && field.SelectionSet is null && stream is null,
                        stream));
                    break;
                case FragmentSpreadNode spread:
                    collected.Spreads.Add(spread);
                    break;
                case InlineFragmentNode inline:
                    var inlineType = inline.TypeCondition is { } condition ? context.Schema.GetType(condition.Name.Value) : parentType;
                    CollectInto(collected, inlineType, inline.SelectionSet);
                    break;
            }
        }
    }

    /// <summary>The distinct fragments spread directly in a collected selection (an unknown fragment once, as null).</summary>
    private List<FragmentDefinitionNode?> FragmentsOf(CollectedFields collected)
    {
        if (collected.Fragments is { } cached)
        {
            return cached;
        }

        var result = new List<FragmentDefinitionNode?>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var spread in collected.Spreads)
        {
            Spend(1);
            var fragment = context.GetFragment(spread.Name.Value);
            if (seen.Add((object?)fragment ?? Missing))
            {
                result.Add(fragment);
            }
        }

        collected.Fragments = result;
        return result;
    }

    private void Spend(int cost)
    {
        context.CountWork(cost);
        remainingBudget -= cost;
        if (remainingBudget < 0)
        {
            throw new ValidationAbortedException();
        }
    }

    /// <summary>One field selection with the type it was selected on.</summary>
    private sealed record CollectedField(NamedType? ParentType, FieldNode Node, OutputField? Definition, bool IsSimpleLeaf, DirectiveNode? StreamDirective);

    /// <summary>The fields of a selection set grouped by response name, and the fragments it spreads.</summary>
    private sealed class CollectedFields
    {
        public List<(string ResponseName, List<CollectedField> Fields)> Groups { get; } = [];

        public Dictionary<string, List<CollectedField>> GroupsByName { get; } = [];

        public List<FragmentSpreadNode> Spreads { get; } = [];

        public List<FragmentDefinitionNode?>? Fragments { get; set; }

        public Dictionary<CollectedFields, List<(string, List<CollectedField>, List<CollectedField>)>>? OverlapsWith { get; set; }

        public void Add(string responseName, CollectedField field)
        {
            if (!GroupsByName.TryGetValue(responseName, out var fields))
            {
                fields = [];
                GroupsByName[responseName] = fields;
                Groups.Add((responseName, fields));
            }

            fields.Add(field);
        }
    }

    /// <summary>
    /// Pairs already compared, remembering whether they were compared as mutually exclusive: a pair
    /// compared as not exclusive also answers for exclusive, not the other way round.
    /// </summary>
    private sealed class PairSet
    {
        private readonly Dictionary<object, Dictionary<object, bool>> data = new(ReferenceEqualityComparer.Instance);

        public bool Has(object a, object b, bool mutuallyExclusive, bool ordered) =>
            HasOrdered(a, b, mutuallyExclusive) || (!ordered && HasOrdered(b, a, mutuallyExclusive));

        public void Add(object a, object b, bool mutuallyExclusive)
        {
            if (!data.TryGetValue(a, out var map))
            {
                map = new(ReferenceEqualityComparer.Instance);
                data[a] = map;
            }

            map[b] = mutuallyExclusive;
        }

        private bool HasOrdered(object a, object b, bool mutuallyExclusive) =>
            data.TryGetValue(a, out var map) && map.TryGetValue(b, out var stored) && (mutuallyExclusive || !stored);
    }
}
