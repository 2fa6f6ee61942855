using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "The field must have a unique name within that Object type; no two fields may share the same
/// name. [...] The argument must have a unique name within that field." — likewise for the input
/// fields of an Input Object, the values of an Enum and the arguments of a directive.
/// https://spec.graphql.org/September2025/#sec-Objects.Type-Validation
/// graphql-js checks this on SDL only (its type constructors take name-keyed maps), so a schema
/// built from SDL never gets here with a repeated name; one built in code can, and is told in the
/// words of graphql-js's SDL rules.
/// </summary>
internal static class UniqueNamesRule
{
    public static void ValidateFields(SchemaValidationContext context, FieldsType type) =>
        ReportRepeats(context, type.Fields, f => f.Name, f => f.Definition?.Name, name => $"Field \"{type.Name}.{name}\" can only be defined once.");

    public static void ValidateInputFields(SchemaValidationContext context, InputObjectType type) =>
        ReportRepeats(context, type.Fields, f => f.Name, f => f.Definition?.Name, name => $"Field \"{type.Name}.{name}\" can only be defined once.");

    public static void ValidateEnumValues(SchemaValidationContext context, EnumType type) =>
        ReportRepeats(context, type.Values, v => v.Name, v => v.Definition?.Name, name => $"Enum value \"{type.Name}.{name}\" can only be defined once.");

    /// <param name="parent">The coordinate of the field or directive: <c>Type.field</c> or <c>@directive</c>.</param>
    public static void ValidateArguments(SchemaValidationContext context, string parent, IReadOnlyList<InputValue> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }

        // One error per repeated name, listing every definition of it, as graphql-js's SDL rule does.
        var byName = new Dictionary<string, List<SyntaxNode?>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var argument in arguments)
        {
            if (!byName.TryGetValue(argument.Name, out var nodes))
            {
                byName[argument.Name] = nodes = [];
                order.Add(argument.Name);
            }

            nodes.Add(argument.Definition?.Name);
        }

        foreach (var name in order)
        {
            if (byName[name].Count > 1)
            {
                context.ReportError($"Argument \"{parent}({name}:)\" can only be defined once.", byName[name]);
            }
        }
    }

    /// <summary>Each repetition of a name is reported with the first definition and the repeated one.</summary>
    private static void ReportRepeats<T>(
        SchemaValidationContext context,
        IReadOnlyList<T> items,
        Func<T, string> nameOf,
        Func<T, SyntaxNode?> nodeOf,
        Func<string, string> message)
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = nameOf(item);
            if (!seen.TryAdd(name, item))
            {
                context.ReportError(message(name), nodeOf(seen[name]), nodeOf(item));
            }
        }
    }
}
