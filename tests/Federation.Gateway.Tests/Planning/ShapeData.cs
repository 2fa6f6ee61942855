using System.Globalization;
using Federation.GraphQL.Execution;
using Federation.Subgraphs.Hosting;

namespace Federation.Gateway.Tests.Planning;

/// <summary>The in-memory rows the end-to-end runs of the plan-shape tests bind their subgraphs to.</summary>
internal static class ShapeData
{
    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static ValueTask<object?> Value(object? value) => new(value);

    public static ValueTask<IReadOnlyList<object?>> Answer(IEnumerable<object?> entities) => new(entities.ToList());

    /// <summary>Each representation as the entity: what the gateway sent (key and required fields), for field resolvers to compute from.</summary>
    public static ValueTask<IReadOnlyList<object?>> Echo(IReadOnlyList<Representation> representations, params (string Key, object? Value)[] owned) =>
        Answer(representations.Select(r =>
        {
            var entity = new Dictionary<string, object?>(r.Fields, StringComparer.Ordinal);
            foreach (var (key, value) in owned)
            {
                entity[key] = value;
            }

            return (object?)entity;
        }));

    /// <summary>
    /// A field of the parent entity as a number, for a field under @requires; throws when the
    /// gateway did not send it, so a plan that forgets a requirement is an error on that path.
    /// </summary>
    public static int Need(ResolveContext context, string field) =>
        Parent(context).TryGetValue(field, out var value) && value is not null
            ? Convert.ToInt32(value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{context.ParentType.Name}.{field} was not sent in the representation.");

    /// <summary>A text field of the parent entity, for a field under @requires; throws when it was not sent.</summary>
    public static string NeedText(ResolveContext context, string field) =>
        Parent(context).TryGetValue(field, out var value) && value is string text
            ? text
            : throw new InvalidOperationException($"{context.ParentType.Name}.{field} was not sent in the representation.");

    /// <summary>An object field of the parent entity, for a field under @requires; throws when it was not sent.</summary>
    public static IReadOnlyDictionary<string, object?> NeedObject(ResolveContext context, string field) =>
        Parent(context).TryGetValue(field, out var value) && value is IReadOnlyDictionary<string, object?> map
            ? map
            : throw new InvalidOperationException($"{context.ParentType.Name}.{field} was not sent in the representation.");

    private static IReadOnlyDictionary<string, object?> Parent(ResolveContext context) =>
        (IReadOnlyDictionary<string, object?>)context.Source!;
}
