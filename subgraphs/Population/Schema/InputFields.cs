using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Population.Domain;

namespace Federation.Subgraphs.Population.Schema;

/// <summary>
/// Reads coerced GraphQL input objects: the engine leaves out fields the client left out and keeps
/// an explicit null, which is what tells "keep" from "clear" in a correction. Scalars arrive as
/// their checked values (<see cref="IdNumber"/>, <see cref="DivisionCode"/>, <see cref="DateOnly"/>,
/// <see cref="DateTimeOffset"/>), enums as their names.
/// </summary>
internal static class InputFields
{
    public static IReadOnlyDictionary<string, object?> Object(IReadOnlyDictionary<string, object?> arguments, string name) =>
        arguments.TryGetValue(name, out var value) && value is IReadOnlyDictionary<string, object?> fields ? fields : Empty;

    public static T? Value<T>(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) && value is T typed ? typed : default;

    public static string? Text(IReadOnlyDictionary<string, object?> fields, string name) => fields.TryGetValue(name, out var value) ? Text(value) : null;

    public static Optional<string?> OptionalText(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? new Optional<string?>(true, Text(value)) : default;

    public static Optional<DateOnly?> OptionalDate(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? new Optional<DateOnly?>(true, value as DateOnly?) : default;

    public static Optional<IReadOnlyList<string>?> OptionalTexts(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value)
            ? new Optional<IReadOnlyList<string>?>(true, value is IEnumerable<object?> items ? items.Select(i => Text(i)!).ToList() : null)
            : default;

    /// <summary>Scalars' checked values written as text: the key the register stores.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IdNumber idNumber => idNumber.Value,
        DivisionCode division => division.Value,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();
}
