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

    public ParallelRuleWalker(AstValidationContext context, RuleVisitor[] visitors, TypeInfo? typeInfo)
    {
        this.context = context;
        this.visitors = visitors;
        this.typeInfo = typeInfo;
        skipping = new SyntaxNode?[visitors.Length];
        var kindCount = Enum.GetValues<SyntaxKind>().Length;
        var byKind = new List<int>[kindCount];
        for (var k = 0; k < kindCount; k++)
        {
            byKind[k] = [];
        }

        for (var i = 0; i < visitors.Length; i++)
        {
            var kinds = RuleHooks.KindsOf(visitors[i]);
            for (var k = 0; k < kindCount; k++)
            {
                if ((kinds & RuleHooks.Bit((SyntaxKind)k)) != 0)
                {
                    byKind[k].Add(i);
                }
            }
        }

        visitorsByKind = new int[kindCount][];
        for (var k = 0; k < kindCount; k++)
        {
            visitorsByKind[k] = [.. byKind[k]];
        }

        context.Ancestors = Ancestors;
    }

    protected override bool OnEnter(SyntaxNode node)
    {
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
