using System.Collections.Frozen;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>https://spec.graphql.org/September2025/#sec-Enums</summary>
public sealed class EnumType : NamedType
{
    private readonly FrozenDictionary<string, EnumValue> byName;

    public EnumType(string name, IEnumerable<EnumValue> values)
        : base(name)
    {
        Values = values.ToArray();
        var map = new Dictionary<string, EnumValue>(Values.Count);
        foreach (var value in Values)
        {
            map.TryAdd(value.Name, value);
        }

        byName = map.ToFrozenDictionary();
    }

    public IReadOnlyList<EnumValue> Values { get; }

    public EnumValue? GetValue(string valueName) => byName.TryGetValue(valueName, out var value) ? value : null;
}

/// <summary>One value of an enum. <see cref="Value"/> is its internal value (the name unless set).</summary>
public sealed class EnumValue(string name)
{
    public string Name { get; } = name;

    public object Value { get; init; } = name;

    public string? Description { get; init; }

    public string? DeprecationReason { get; init; }

    public bool IsDeprecated => DeprecationReason is not null;

    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public EnumValueDefinitionNode? Definition { get; init; }
}
