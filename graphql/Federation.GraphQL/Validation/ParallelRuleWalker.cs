using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>
/// Walks the document once and runs every rule at each node, keeping the TypeInfo in step
/// (graphql-js's <c>visitInParallel</c> inside <c>visitWithTypeInfo</c>). Each rule is called
/// only for the kinds of node it has hooks for; a rule that skips a subtree is left out until
/// the walk leaves that subtree.
/// </summary>
internal sealed class ParallelRuleWalker : SyntaxWalker
{
    private readonly RuleVisitor[] visitors;
    private readonly SyntaxNode?[] skipping;
    private readonly int[][] visitorsByKind;
    private readonly TypeInfo? typeInfo;
    private readonly AstValidationContext context;

    /// <summary>For each list of rules, which of them want each kind of node; worked out once for each of the specified lists.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ValidationRule>, int[][]> LayoutByRules = [];
    private static readonly int KindCount = Enum.GetValues<SyntaxKind>().Length;

    public ParallelRuleWalker(AstValidationContext context, IReadOnlyList<ValidationRule> rules, RuleVisitor[] visitors, TypeInfo? typeInfo)
    {
        this.context = context;
        this.visitors = visitors;
        this.typeInfo = typeInfo;
        skipping = new SyntaxNode?[visitors.Length];
        visitorsByKind = ReferenceEquals(rules, SpecifiedRules.All) || ReferenceEquals(rules, SpecifiedRules.Sdl)
            ? LayoutByRules.GetValue(rules, _ => Layout(visitors))
            : Layout(visitors);
        context.Ancestors = Ancestors;
    }

    private static int[][] Layout(RuleVisitor[] visitors)
    {
        var byKind = new int[KindCount][];
        for (var k = 0; k < KindCount; k++)
        {
            var interested = new List<int>();
            for (var i = 0; i < visitors.Length; i++)
            {
                if ((RuleHooks.KindsOf(visitors[i]) & RuleHooks.Bit((SyntaxKind)k)) != 0)
                {
                    interested.Add(i);
                }
            }

            byKind[k] = [.. interested];
        }

        return byKind;
    }

    protected override bool OnEnter(SyntaxNode node)
    {
        context.CountWork();
        typeInfo?.Enter(node);
        var interested = visitorsByKind[(int)node.Kind];
        for (var j = 0; j < interested.Length; j++)
        {
            var i = interested[j];
            if (skipping[i] is null && !visitors[i].Enter(node))
            {
                skipping[i] = node;
            }
        }

        return true;
    }

    protected override void OnLeave(SyntaxNode node)
    {
        var interested = visitorsByKind[(int)node.Kind];
        for (var j = 0; j < interested.Length; j++)
        {
            var i = interested[j];
            if (skipping[i] is null)
            {
                visitors[i].Leave(node);
            }
            else if (ReferenceEquals(skipping[i], node))
            {
                skipping[i] = null;
            }
        }

        typeInfo?.Leave(node);
    }
}
