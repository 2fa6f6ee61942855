using System.Collections.Frozen;

namespace Federation.GraphQL.Types;

/// <summary>https://spec.graphql.org/September2025/#sec-Input-Objects</summary>
public sealed class InputObjectType : NamedType
{
    private readonly Lazy<(IReadOnlyList<InputValue> List, FrozenDictionary<string, InputValue> ByName)> fields;

    /// <param name="fields">Called once, on first use, so that input types can refer to each other.</param>
    public InputObjectType(string name, Func<IEnumerable<InputValue>> fields)
        : base(name)
    {
        this.fields = new(() =>
        {
            var list = fields().ToArray();
            var byName = new Dictionary<string, InputValue>(list.Length);
            foreach (var field in list)
            {
                byName.TryAdd(field.Name, field);
            }

            return (list, byName.ToFrozenDictionary());
        });
    }

    public IReadOnlyList<InputValue> Fields => fields.Value.List;

    /// <summary>https://spec.graphql.org/September2025/#sec-OneOf-Input-Objects</summary>
    public bool IsOneOf { get; init; }

    public InputValue? GetField(string fieldName) => fields.Value.ByName.TryGetValue(fieldName, out var field) ? field : null;
}
