using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation.Rules;

/// <summary>
/// Input Object Field Uniqueness: "For each input object value inputObject in the document: For
/// every inputField in inputObject: Let name be the Name of inputField. Let fields be all Input
/// Object Fields named name in inputObject. fields must be the set containing only inputField."
/// https://spec.graphql.org/September2025/#sec-Input-Object-Field-Uniqueness
/// </summary>
internal sealed class UniqueInputFieldNamesRule(AstValidationContext context) : RuleVisitor
{
    private readonly Stack<Dictionary<string, NameNode>> outer = new();
    private Dictionary<string, NameNode> known = [];

    public override bool EnterValue(ValueNode node)
    {
        if (node is ObjectValueNode)
        {
            outer.Push(known);
            known = [];
        }

        return true;
    }

    public override void LeaveObjectValue(ObjectValueNode node) => known = outer.Pop();

    public override bool EnterObjectField(ObjectFieldNode node)
    {
        var name = node.Name.Value;
        if (known.TryGetValue(name, out var first))
        {
            context.ReportError(new GraphQLError($"There can be only one input field named \"{name}\".", first, node.Name));
        }
        else
        {
            known[name] = node.Name;
        }

        return true;
    }
}
