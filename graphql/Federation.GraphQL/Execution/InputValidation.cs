using System.Collections;
using System.Text;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Suggestions = Federation.GraphQL.Validation.Suggestions;

namespace Federation.GraphQL.Execution;

/// <summary>
/// Explains why an input value or literal does not coerce, one message per problem, worded and
/// ordered as graphql-js 17's validateInputValue and validateInputLiteral word them.
/// Paths are lists of input field names and list indices.
/// </summary>
internal static class InputValidation
{
    public delegate void ValueError(string message, IReadOnlyList<object> path);

    /// <summary>
    /// Receives each problem with a literal: the error (located at <paramref name="node"/>, or a
    /// custom scalar's own), the node it is about, and the path to it inside the literal.
    /// </summary>
    public delegate void LiteralError(GraphQLError error, SyntaxNode node, IReadOnlyList<object> path);

    /// <summary>graphql-js printPathArray: " at .a[0].b", or nothing for the value itself.</summary>
    public static string PrintPath(IReadOnlyList<object> path)
    {
        if (path.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(" at ");
        foreach (var key in path)
        {
            if (key is int index)
            {
                builder.Append('[').Append(index).Append(']');
            }
            else
            {
                builder.Append('.').Append(key);
            }
        }

        return builder.ToString();
    }

    public static void ValidateValue(object? value, bool provided, GraphQLType type, ValueError onError) =>
        ValidateValue(value, provided, type, onError, []);

    private static void ValidateValue(object? value, bool provided, GraphQLType type, ValueError onError, List<object> path)
    {
        if (type is NonNullType nonNull)
        {
            if (!provided)
            {
                onError($"Expected a value of non-null type \"{type}\" to be provided.", [.. path]);
                return;
            }

            if (value is null)
            {
                onError($"Expected value of non-null type \"{type}\" not to be null.", [.. path]);
                return;
            }

            ValidateValue(value, true, nonNull.OfType, onError, path);
            return;
        }

        if (value is null)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (!InputCoercion.IsList(value))
                {
                    ValidateValue(value, true, list.OfType, onError, path);
                    return;
                }

                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    path.Add(index++);
                    ValidateValue(item, true, list.OfType, onError, path);
                    path.RemoveAt(path.Count - 1);
                }

                return;

            case InputObjectType inputObject:
                ValidateObjectValue(value, inputObject, onError, path);
                return;

            case EnumType enumType:
                if (!EnumCoercion.TryParseValue(enumType, value, out _))
                {
                    onError(EnumCoercion.ValueError(enumType, value), [.. path]);
                }

                return;

            case ScalarType scalar:
                try
                {
                    scalar.ParseValue(value);
                }
                catch (GraphQLException exception)
                {
                    onError(exception.Error.Message, [.. path]);
                }
                catch (Exception exception)
                {
                    onError($"Expected value of type \"{type}\", but encountered error \"{CaughtMessage(exception)}\"; found: {ErrorText.Inspect(value)}.", [.. path]);
                }

                return;
        }
    }

    private static void ValidateObjectValue(object value, InputObjectType type, ValueError onError, List<object> path)
    {
        if (value is not IReadOnlyDictionary<string, object?> fields)
        {
            onError($"Expected value of type \"{type}\" to be an object, found: {ErrorText.Inspect(value)}.", [.. path]);
            return;
        }

        foreach (var field in type.Fields)
        {
            if (!fields.TryGetValue(field.Name, out var fieldValue))
            {
                if (InputCoercion.IsRequired(field))
                {
                    onError($"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {ErrorText.Inspect(value)}.", [.. path]);
                }

                continue;
            }

            path.Add(field.Name);
            ValidateValue(fieldValue, true, field.Type, onError, path);
            path.RemoveAt(path.Count - 1);
        }

        var known = new List<string>();
        foreach (var name in fields.Keys)
        {
            if (type.GetField(name) is null)
            {
                var suggestion = Suggestions.DidYouMean(Suggestions.List(name, FieldNames(type)));
                onError(
                    $"Expected value of type \"{type}\" not to include unknown field \"{name}\"{(suggestion.Length > 0 ? "." + suggestion + " Found" : ", found")}: {ErrorText.Inspect(value)}.",
                    [.. path]);
                continue;
            }

            known.Add(name);
        }

        if (type.IsOneOf)
        {
            if (known.Count != 1)
            {
                onError(OneOfMessage(type), [.. path]);
            }

            if (known.Count > 0 && fields[known[0]] is null)
            {
                onError(OneOfMessage(type), [.. path, known[0]]);
            }
        }
    }

    /// <summary>
    /// graphql-js validateInputLiteral, the one check of literals against input types: for
    /// ValuesOfCorrectTypeRule, for default values in schema validation and in variable
    /// definitions, and for arguments at execution. With <paramref name="variables"/> null the
    /// check is static: a variable is assumed to fit, and a scalar or enum sees the literal with
    /// its variables replaced as if none had a value.
    /// </summary>
    public static void ValidateLiteral(ValueNode node, GraphQLType type, VariableValues? variables, LiteralError onError, bool hideSuggestions = false) =>
        ValidateLiteral(node, type, variables, onError, hideSuggestions, []);

    private static void ValidateLiteral(ValueNode node, GraphQLType type, VariableValues? variables, LiteralError onError, bool hideSuggestions, List<object> path)
    {
        if (node is VariableNode variable)
        {
            if (variables is null)
            {
                return;
            }

            if (type is NonNullType)
            {
                var name = variable.Name.Value;
                if (!variables.Coerced.TryGetValue(name, out var value))
                {
                    Report(onError, $"Expected variable \"${name}\" provided to type \"{type}\" to provide a runtime value.", node, path);
                }
                else if (value is null)
                {
                    Report(onError, $"Expected variable \"${name}\" provided to non-null type \"{type}\" not to be null.", node, path);
                }
            }

            return;
        }

        if (type is NonNullType nonNull)
        {
            if (node is NullValueNode)
            {
                Report(onError, $"Expected value of non-null type \"{type}\" not to be null.", node, path);
                return;
            }

            ValidateLiteral(node, nonNull.OfType, variables, onError, hideSuggestions, path);
            return;
        }

        if (node is NullValueNode)
        {
            return;
        }

        switch (type)
        {
            case ListType list:
                if (node is not ListValueNode listNode)
                {
                    // A single value where a list is expected is coerced to a list of one.
                    ValidateLiteral(node, list.OfType, variables, onError, hideSuggestions, path);
                    return;
                }

                for (var index = 0; index < listNode.Values.Count; index++)
                {
                    path.Add(index);
                    ValidateLiteral(listNode.Values[index], list.OfType, variables, onError, hideSuggestions, path);
                    path.RemoveAt(path.Count - 1);
                }

                return;

            case InputObjectType inputObject:
                ValidateObjectLiteral(node, inputObject, variables, onError, hideSuggestions, path);
                return;

            case EnumType enumType:
                if (!EnumCoercion.TryParseLiteral(enumType, node, out _))
                {
                    Report(onError, EnumCoercion.LiteralError(enumType, WithVariablesReplaced(node, variables), hideSuggestions), node, path);
                }

                return;

            case ScalarType scalar:
                try
                {
                    scalar.ParseLiteral(WithVariablesReplaced(node, variables));
                }
                catch (GraphQLException exception)
                {
                    onError(exception.Error, node, [.. path]);
                }
                catch (Exception exception) when (exception is not (OutOfMemoryException or OperationCanceledException or Validation.ValidationAbortedException))
                {
                    Report(onError, $"Expected value of type \"{type}\", but encountered error \"{CaughtMessage(exception)}\"; found: {Printer.PrintForError(node)}.", node, path);
                }

                return;
        }
    }

    private static void ValidateObjectLiteral(
        ValueNode node, InputObjectType type, VariableValues? variables, LiteralError onError, bool hideSuggestions, List<object> path)
    {
        if (node is not ObjectValueNode objectNode)
        {
            Report(onError, $"Expected value of type \"{type}\" to be an object, found: {Printer.PrintForError(node)}.", node, path);
            return;
        }

        foreach (var field in type.Fields)
        {
            var fieldNode = InputCoercion.FindField(objectNode, field.Name);
            if (fieldNode is null)
            {
                if (InputCoercion.IsRequired(field))
                {
                    Report(onError, $"Expected value of type \"{type}\" to include required field \"{field.Name}\", found: {Printer.PrintForError(node)}.", node, path);
                }

                continue;
            }

            if (fieldNode.Value is VariableNode variable && variables is not null)
            {
                var name = variable.Name.Value;
                var found = variables.Coerced.TryGetValue(name, out var value);
                if (type.IsOneOf)
                {
                    if (!found)
                    {
                        Report(onError, $"Expected variable \"${name}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{type}\" to provide a runtime value.", node, path);
                    }
                    else if (value is null)
                    {
                        Report(onError, $"Expected variable \"${name}\" provided to field \"{field.Name}\" for OneOf Input Object type \"{type}\" not to be null.", node, path);
                    }
                }
                else if (!found && !InputCoercion.IsRequired(field))
                {
                    continue;
                }
            }

            path.Add(field.Name);
            ValidateLiteral(fieldNode.Value, field.Type, variables, onError, hideSuggestions, path);
            path.RemoveAt(path.Count - 1);
        }

        var known = new List<ObjectFieldNode>();
        foreach (var fieldNode in objectNode.Fields)
        {
            var name = fieldNode.Name.Value;
            if (type.GetField(name) is null)
            {
                var suggestion = hideSuggestions ? "" : Suggestions.DidYouMean(Suggestions.List(name, FieldNames(type)));
                Report(
                    onError,
                    $"Expected value of type \"{type}\" not to include unknown field \"{name}\"{(suggestion.Length > 0 ? "." + suggestion + " Found" : ", found")}: {Printer.PrintForError(node)}.",
                    fieldNode,
                    path);
                continue;
            }

            known.Add(fieldNode);
        }

        if (type.IsOneOf)
        {
            if (known.Count != 1)
            {
                Report(onError, OneOfMessage(type), node, path);
                return;
            }

            if (known[0].Value is NullValueNode)
            {
                path.Add(known[0].Name.Value);
                Report(onError, OneOfMessage(type), node, path);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    /// <summary>The literal as a scalar or enum sees it (graphql-js replaceVariables).</summary>
    private static ValueNode WithVariablesReplaced(ValueNode node, VariableValues? variables) =>
        VariableSubstitution.ContainsVariables(node) ? VariableSubstitution.Replace(node, variables) : node;

    private static void Report(LiteralError onError, string message, SyntaxNode node, List<object> path) =>
        onError(new GraphQLError(message, node), node, [.. path]);

    private static string OneOfMessage(InputObjectType type) =>
        $"Within OneOf Input Object type \"{type}\", exactly one field must be specified, and the value for that field must be non-null.";

    // graphql-js prints String(error) when a thrown error has no message: its type's name.
    private static string CaughtMessage(Exception exception) =>
        string.IsNullOrEmpty(exception.Message) ? exception.GetType().Name : exception.Message;

    private static IEnumerable<string> FieldNames(InputObjectType type)
    {
        foreach (var field in type.Fields)
        {
            yield return field.Name;
        }
    }
}
