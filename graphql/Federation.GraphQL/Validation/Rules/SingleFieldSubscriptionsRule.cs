using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Single Root Field: "For each subscription operation definition subscription in the document:
/// Let selectionSet be the top level selection set on subscription. Let collectedFieldsMap be the
/// result of CollectSubscriptionFields(subscriptionType, selectionSet). collectedFieldsMap must have
/// exactly one entry, which must not be an introspection field." CollectSubscriptionFields also
/// requires that no top level selection uses @skip or @include.
/// https://spec.graphql.org/September2025/#sec-Single-Root-Field
/// </summary>
internal sealed class SingleFieldSubscriptionsRule(ValidationContext context) : RuleVisitor
{
    public override bool EnterOperationDefinition(OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } subscriptionType)
        {
            return true;
        }

        var collector = new SubscriptionFieldCollector(context, subscriptionType);
        collector.Visit(node.SelectionSet, deferDirective: null);
        var name = node.Name?.Value;
        if (collector.ForbiddenDirectives.Count > 0)
        {
            context.ReportError(new GraphQLError(
                name is not null
                    ? $"Subscription \"{name}\" must not use `@skip` or `@include` directives in the top level selection."
                    : "Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.",
                [.. collector.ForbiddenDirectives]));
            return true;
        }

        var groups = collector.Groups;
        if (groups.Count == 0)
        {
            context.ReportError(new GraphQLError(
                name is not null ? $"Subscription \"{name}\" must select one top level field." : "Anonymous Subscription must select one top level field.",
                node.SelectionSet));
        }
        else if (groups.Count > 1)
        {
            var extra = new List<SyntaxNode>();
            for (var i = 1; i < groups.Count; i++)
            {
                extra.AddRange(groups[i]);
            }

            context.ReportError(new GraphQLError(
                name is not null ? $"Subscription \"{name}\" must select only one top level field." : "Anonymous Subscription must select only one top level field.",
                [.. extra]));
        }

        foreach (var group in groups)
        {
            if (group[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
            {
                context.ReportError(new GraphQLError(
                    name is not null
                        ? $"Subscription \"{name}\" must not select an introspection top level field."
                        : "Anonymous Subscription must not select an introspection top level field.",
                    [.. group]));
            }
        }

        return true;
    }

    /// <summary>CollectFields over the subscription's top level, recording @skip and @include instead of applying them.</summary>
    private sealed class SubscriptionFieldCollector(ValidationContext context, ObjectType subscriptionType)
    {
        private readonly Dictionary<string, List<FieldNode>> groupsByKey = [];
        private readonly Dictionary<string, HashSet<DirectiveNode?>> visitedFragments = [];

        public List<List<FieldNode>> Groups { get; } = [];

        public List<DirectiveNode> ForbiddenDirectives { get; } = [];

        public void Visit(SelectionSetNode selectionSet, DirectiveNode? deferDirective)
        {
            context.SpendFragmentWork(selectionSet.Selections.Count);
            foreach (var selection in selectionSet.Selections)
            {
                context.SpendFragmentWork(selection.Directives.Count);
                context.SpendFragmentWork(Find(selection.Directives, "defer")?.Arguments.Count ?? 0);
            }

            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        if (!ShouldInclude(field))
                        {
                            continue;
                        }

                        var key = field.ResponseName;
                        if (!groupsByKey.TryGetValue(key, out var group))
                        {
                            group = [];
                            groupsByKey[key] = group;
                            Groups.Add(group);
                        }

                        group.Add(field);
                        break;
                    case InlineFragmentNode inline:
                        if (!ShouldInclude(inline) || !ConditionMatches(inline.TypeCondition))
                        {
                            continue;
                        }

                        Visit(inline.SelectionSet, ActiveDefer(inline) ?? deferDirective);
                        break;
                    case FragmentSpreadNode spread:
                        if (!ShouldInclude(spread)
                            || context.GetFragment(spread.Name.Value) is not { } fragment
                            || !ConditionMatches(fragment.TypeCondition))
                        {
                            continue;
                        }

                        var defer = ActiveDefer(spread) ?? deferDirective;
                        if (!visitedFragments.TryGetValue(spread.Name.Value, out var visitedDefers))
                        {
                            visitedDefers = [];
                            visitedFragments[spread.Name.Value] = visitedDefers;
                        }

                        if (visitedDefers.Contains(null) || (defer is not null && visitedDefers.Contains(defer)))
                        {
                            continue;
                        }

                        visitedDefers.Add(defer);
                        Visit(fragment.SelectionSet, defer);
                        break;
                }
            }
        }

        private bool ShouldInclude(SelectionNode selection)
        {
            if (Find(selection.Directives, "skip") is { } skip)
            {
                ForbiddenDirectives.Add(skip);
                return false;
            }

            if (Find(selection.Directives, "include") is { } include)
            {
                ForbiddenDirectives.Add(include);
                return false;
            }

            return true;
        }

        private bool ConditionMatches(NamedTypeNode? typeCondition)
        {
            if (typeCondition is null)
            {
                return true;
            }

            var conditionType = context.Schema.GetType(typeCondition.Name.Value);
            if (ReferenceEquals(conditionType, subscriptionType))
            {
                return true;
            }

            return TypeComparators.IsAbstract(conditionType) && context.Schema.IsSubType(conditionType!, subscriptionType);
        }

        /// <summary>The @defer on a fragment unless it is switched off with a literal <c>if: false</c>.</summary>
        private static DirectiveNode? ActiveDefer(SelectionNode selection)
        {
            if (Find(selection.Directives, "defer") is not { } defer)
            {
                return null;
            }

            foreach (var argument in defer.Arguments)
            {
                if (argument.Name.Value == "if" && argument.Value is BooleanValueNode { Value: false })
                {
                    return null;
                }
            }

            return defer;
        }

        private static DirectiveNode? Find(IReadOnlyList<DirectiveNode> directives, string name)
        {
            foreach (var directive in directives)
            {
                if (directive.Name.Value == name)
                {
                    return directive;
                }
            }

            return null;
        }
    }
}
