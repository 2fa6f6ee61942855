using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// Whether a constant literal can be coerced to an input type, reporting every reason it cannot:
/// https://spec.graphql.org/September2025/#sec-Input-Values — graphql-js 17.1.0's
/// <c>validateInputLiteral</c> without variables, with its messages and error paths. Variables are
/// accepted as they are (they are checked when their values are known).
/// </summary>
internal static class InputLiteralValidator
{
    /// <summary>Receives each error and the path to the offending value: field names and list indices.</summary>
    public delegate void ErrorHandler(GraphQLError error, IReadOnlyList<object> path);

    public static void Validate(ValueNode literal, GraphQLType type, ErrorHandler onError, bool hideSuggestions = false) =>
        Validate(literal, type, onError, hideSuggestions, null);

    private static void Validate(ValueNode literal, GraphQLType type, ErrorHandler onError, bool hideSuggestions, ValuePath? path)
    {
        if (literal is VariableNode)
        {
            return;
        }

        if (type is NonNullType nonNull)
        {
            if (literal is NullValueNode)
            {
                Report(onError, $"Expected value of non-null type \"{type}\" not to be null.", literal, path);
                return;
            }

            Validate(literal, nonNull.OfType, onError, hideSuggestions, path);
            return;
        }

        if (literal is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list when literal is ListValueNode items:
                for (var i = 0; i < items.Values.Count; i++)
                {
                    Validate(items.Values[i], list.OfType, onError, hideSuggestions, new ValuePath(path, i));
                }

                break;
            case ListType list:
                // A single value where a list is expected is coerced to a list of one.
                Validate(literal, list.OfType, onError, hideSuggestions, path);
                break;
            case InputObjectType inputObject:
                ValidateInputObject(literal, inputObject, onError, hideSuggestions, path);
                break;
            case EnumType enumType:
                ValidateEnum(literal, enumType, onError, hideSuggestions, path);
                break;
            case ScalarType scalar:
                ValidateScalar(literal, scalar, onError, path);
                break;
        }
    }

    private static void ValidateInputObject(ValueNode literal, InputObjectType type, ErrorHandler onError, bool hideSuggestions, ValuePath? path)
    {
        if (literal is not ObjectValueNode objectLiteral)
        {
            Report(onError, $"Expected value of type \"{type.Name}\" to be an object, found: {Printer.Print(literal)}.", literal, path);
            return;
        }

        foreach (var field in type.Fields)
        {
            if (LastFieldNamed(objectLiteral, field.Name) is not { } fieldNode)
            {
                if (SchemaValidationContext.IsRequired(field))
                {
                    Report(
                        onError,
                        $"Expected value of type \"{type.Name}\" to include required field \"{field.Name}\", found: {Printer.Print(literal)}.",
                        literal,
                        path);
                }

                continue;
            }

            Validate(fieldNode.Value, field.Type, onError, hideSuggestions, new ValuePath(path, field.Name));
        }

        var knownFields = new List<ObjectFieldNode>(objectLiteral.Fields.Count);
        foreach (var fieldNode in objectLiteral.Fields)
        {
            var fieldName = fieldNode.Name.Value;
            if (type.GetField(fieldName) is not null)
            {
                knownFields.Add(fieldNode);
                continue;
            }

            var suggestion = hideSuggestions ? "" : Suggestions.DidYouMean(Suggestions.List(fieldName, type.Fields.Select(f => f.Name)));
            Report(
                onError,
                $"Expected value of type \"{type.Name}\" not to include unknown field \"{fieldName}\"{(suggestion.Length != 0 ? "." + suggestion + " Found" : ", found")}: {Printer.Print(literal)}.",
                fieldNode,
                path);
        }

        if (type.IsOneOf)
        {
            if (knownFields.Count != 1)
            {
                Report(onError, OneOfMessage(type), literal, path);
                return;
            }

            if (knownFields[0].Value is NullValueNode)
            {
                Report(onError, OneOfMessage(type), literal, new ValuePath(path, knownFields[0].Name.Value));
            }
        }
    }

    private static void ValidateEnum(ValueNode literal, EnumType type, ErrorHandler onError, bool hideSuggestions, ValuePath? path)
    {
        if (literal is EnumValueNode enumLiteral && type.GetValue(enumLiteral.Value) is not null)
        {
            return;
        }

        var printed = Printer.Print(literal);
        var suggestion = hideSuggestions
            ? ""
            : Suggestions.DidYouMean(Suggestions.List(printed, type.Values.Select(v => v.Name)), "the enum value");
        var message = literal is EnumValueNode
            ? $"Value \"{printed}\" does not exist in \"{type.Name}\" enum.{suggestion}"
            : $"Enum \"{type.Name}\" cannot represent non-enum value: {printed}.{suggestion}";
        onError(new GraphQLError(message, literal), ValuePath.ToList(path));
    }

    private static void ValidateScalar(ValueNode literal, ScalarType type, ErrorHandler onError, ValuePath? path)
    {
        try
        {
            type.ParseLiteral(literal);
        }
        catch (GraphQLException exception)
        {
            onError(exception.Error, ValuePath.ToList(path));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A custom scalar that fails with something other than a GraphQL error.
            var reason = string.IsNullOrEmpty(exception.Message) ? exception.GetType().Name : exception.Message;
            Report(
                onError,
                $"Expected value of type \"{type.Name}\", but encountered error \"{reason}\"; found: {Printer.Print(literal)}.",
                literal,
                path);
        }
    }

    // graphql-js keys the fields by name, so the last of repeated fields wins.
    private static ObjectFieldNode? LastFieldNamed(ObjectValueNode literal, string name)
    {
        for (var i = literal.Fields.Count - 1; i >= 0; i--)
        {
            if (literal.Fields[i].Name.Value == name)
            {
                return literal.Fields[i];
            }
        }

        return null;
    }

    private static string OneOfMessage(InputObjectType type) =>
        $"Within OneOf Input Object type \"{type.Name}\", exactly one field must be specified, and the value for that field must be non-null.";

    private static void Report(ErrorHandler onError, string message, SyntaxNode node, ValuePath? path) =>
        onError(new GraphQLError(message, node), ValuePath.ToList(path));

    /// <summary>The path to a value inside a literal, linked from the innermost key outwards.</summary>
    private sealed record ValuePath(ValuePath? Previous, object Key)
    {
        public static IReadOnlyList<object> ToList(ValuePath? path)
        {
            var keys = new List<object>();
            for (var current = path; current is not null; current = current.Previous)
            {
                keys.Add(current.Key);
            }

            keys.Reverse();
            return keys;
        }
    }
}
