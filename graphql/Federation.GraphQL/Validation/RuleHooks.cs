using System.Collections.Concurrent;
using System.Reflection;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Validation;

/// <summary>
/// Which kinds of node a rule has hooks for, found once per rule class from the hooks it
/// overrides, so that the walk calls each rule only where it has something to do.
/// </summary>
internal static class RuleHooks
{
    private const ulong AllKinds = ulong.MaxValue;

    private static readonly ConcurrentDictionary<Type, ulong> KindsByRule = new();

    private static readonly Dictionary<string, SyntaxKind[]> KindsByHook = new()
    {
        ["Document"] = [SyntaxKind.Document],
        ["OperationDefinition"] = [SyntaxKind.OperationDefinition],
        ["VariableDefinition"] = [SyntaxKind.VariableDefinition],
        ["SelectionSet"] = [SyntaxKind.SelectionSet],
        ["Field"] = [SyntaxKind.Field],
        ["Argument"] = [SyntaxKind.Argument],
        ["FragmentSpread"] = [SyntaxKind.FragmentSpread],
        ["InlineFragment"] = [SyntaxKind.InlineFragment],
        ["FragmentDefinition"] = [SyntaxKind.FragmentDefinition],
        ["Directive"] = [SyntaxKind.Directive],
        ["Value"] =
        [
            SyntaxKind.IntValue, SyntaxKind.FloatValue, SyntaxKind.StringValue, SyntaxKind.BooleanValue,
            SyntaxKind.NullValue, SyntaxKind.EnumValue, SyntaxKind.ListValue, SyntaxKind.ObjectValue,
        ],
        ["ObjectValue"] = [SyntaxKind.ObjectValue],
        ["ObjectField"] = [SyntaxKind.ObjectField],
        ["NamedType"] = [SyntaxKind.NamedType],
        ["SchemaDefinition"] = [SyntaxKind.SchemaDefinition],
        ["SchemaExtension"] = [SyntaxKind.SchemaExtension],
        ["TypeDefinition"] =
        [
            SyntaxKind.ScalarTypeDefinition, SyntaxKind.ObjectTypeDefinition, SyntaxKind.InterfaceTypeDefinition,
            SyntaxKind.UnionTypeDefinition, SyntaxKind.EnumTypeDefinition, SyntaxKind.InputObjectTypeDefinition,
        ],
        ["TypeExtension"] =
        [
            SyntaxKind.ScalarTypeExtension, SyntaxKind.ObjectTypeExtension, SyntaxKind.InterfaceTypeExtension,
            SyntaxKind.UnionTypeExtension, SyntaxKind.EnumTypeExtension, SyntaxKind.InputObjectTypeExtension,
        ],
        ["DirectiveDefinition"] = [SyntaxKind.DirectiveDefinition],
    };

    /// <summary>A bit per <see cref="SyntaxKind"/> the rule wants to see.</summary>
    public static ulong KindsOf(RuleVisitor visitor) => KindsByRule.GetOrAdd(visitor.GetType(), Compute);

    public static ulong Bit(SyntaxKind kind) => 1UL << (int)kind;

    private static ulong Compute(Type ruleType)
    {
        ulong kinds = 0;
        foreach (var method in ruleType.GetMethods(BindingFlags.Instance | BindingFlags.Public))
        {
            if (method.DeclaringType == typeof(RuleVisitor) || method.DeclaringType == typeof(object) || !method.IsVirtual)
            {
                continue;
            }

            if (method.Name == nameof(RuleVisitor.Enter))
            {
                return AllKinds;
            }

            var hook = method.Name.StartsWith("Enter", StringComparison.Ordinal) ? method.Name[5..]
                : method.Name.StartsWith("Leave", StringComparison.Ordinal) ? method.Name[5..]
                : null;
            if (hook is not null && KindsByHook.TryGetValue(hook, out var hookKinds))
            {
                foreach (var kind in hookKinds)
                {
                    kinds |= Bit(kind);
                }
            }
        }

        return kinds;
    }
}
