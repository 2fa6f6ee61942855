using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "A Union type must include one or more unique member types. The member types of a Union type
/// must all be Object base types; Scalar, Interface and Union types must not be member types of a
/// Union."
/// https://spec.graphql.org/September2025/#sec-Unions.Type-Validation
/// Members that are not object types are in <see cref="UnionType.DeclaredTypes"/> only.
/// </summary>
internal static class UnionMembersRule
{
    public static void Validate(SchemaValidationContext context, UnionType union)
    {
        IReadOnlyList<NamedType> members = union.DeclaredTypes is { } declared ? declared().ToArray() : union.Types;
        if (members.Count == 0)
        {
            context.ReportError(
                $"Union type {union.Name} must define one or more member types.",
                SchemaValidationContext.DefinitionAndExtensions(union));
        }

        var included = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (!included.Add(member.Name))
            {
                context.ReportError($"Union type {union.Name} can only include type {member.Name} once.", MemberNodes(union, member.Name));
                continue;
            }

            if (member is not ObjectType)
            {
                context.ReportError(
                    $"Union type {union.Name} can only include Object types, it cannot include {member.Name}.",
                    MemberNodes(union, member.Name));
            }
        }
    }

    /// <summary>Where the definition and extensions of the union name the member.</summary>
    private static List<SyntaxNode?> MemberNodes(UnionType union, string memberName)
    {
        var nodes = new List<SyntaxNode?>();
        if (union.Definition is UnionTypeDefinitionNode definition)
        {
            AddNamed(nodes, definition.Types, memberName);
        }

        foreach (var extension in union.ExtensionDefinitions)
        {
            if (extension is UnionTypeExtensionNode unionExtension)
            {
                AddNamed(nodes, unionExtension.Types, memberName);
            }
        }

        return nodes;
    }

    private static void AddNamed(List<SyntaxNode?> nodes, IReadOnlyList<NamedTypeNode> names, string name)
    {
        foreach (var node in names)
        {
            if (node.Name.Value == name)
            {
                nodes.Add(node);
            }
        }
    }
}
