using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Protocol.Spec;

/// <summary>
/// A federation <c>FieldSet</c> — <c>id</c>, <c>a b</c>, <c>a { b }</c> — read as a selection set
/// without its braces, as the spec defines it.
/// </summary>
public sealed class FieldSet
{
    private FieldSet(string text, SelectionSetNode selections)
    {
        Text = text;
        Selections = selections;
    }

    public string Text { get; }

    public SelectionSetNode Selections { get; }

    /// <exception cref="ArgumentException">The text is not a selection set of plain fields of <paramref name="type"/>.</exception>
    public static FieldSet Parse(string text, FieldsType type)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse("{" + text + "}", ParserOptions.Default);
        }
        catch (GraphQLSyntaxException exception)
        {
            throw new ArgumentException($"The field set \"{text}\" of {type.Name} does not parse: {exception.Message}", exception);
        }

        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet;
        Check(text, type, selections);
        return new FieldSet(text, selections);
    }

    /// <summary>The key's values taken from <paramref name="representation"/>, or null when one is missing.</summary>
    public IReadOnlyDictionary<string, object?>? Extract(IReadOnlyDictionary<string, object?> representation) =>
        Extract(Selections, representation);

    private static Dictionary<string, object?>? Extract(SelectionSetNode selections, IReadOnlyDictionary<string, object?> source)
    {
        var key = new Dictionary<string, object?>(selections.Selections.Count, StringComparer.Ordinal);
        foreach (var selection in selections.Selections)
        {
            var field = (FieldNode)selection;
            if (!source.TryGetValue(field.Name.Value, out var value) || value is null)
            {
                return null;
            }

            if (field.SelectionSet is { } nested)
            {
                if (value is not IReadOnlyDictionary<string, object?> inner || Extract(nested, inner) is not { } innerKey)
                {
                    return null;
                }

                value = innerKey;
            }

            key[field.Name.Value] = value;
        }

        return key;
    }

    private static void Check(string text, FieldsType type, SelectionSetNode selections)
    {
        foreach (var selection in selections.Selections)
        {
            if (selection is not FieldNode { Alias: null, Arguments.Count: 0, Directives.Count: 0 } field)
            {
                throw new ArgumentException($"The field set \"{text}\" of {type.Name} may hold only plain fields (no aliases, arguments, directives or fragments).");
            }

            var definition = type.GetField(field.Name.Value)
                ?? throw new ArgumentException($"The field set \"{text}\" names \"{field.Name.Value}\", which {type.Name} does not have.");
            var named = definition.Type.Named;
            if (field.SelectionSet is { } nested)
            {
                if (named is not FieldsType inner)
                {
                    throw new ArgumentException($"The field set \"{text}\" selects into {type.Name}.{field.Name.Value}, which is a leaf.");
                }

                Check(text, inner, nested);
            }
            else if (named is FieldsType)
            {
                throw new ArgumentException($"The field set \"{text}\" must select fields of {type.Name}.{field.Name.Value}.");
            }
        }
    }
}
