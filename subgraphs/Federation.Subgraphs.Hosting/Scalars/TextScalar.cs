using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// A scalar written as a string and held as a checked value <typeparamref name="T"/>. Input
/// coercion accepts strings only (a literal of another kind is refused as graphql-js refuses it
/// for String); a string that breaks a rule is refused with the rule's message. Result coercion
/// accepts a <typeparamref name="T"/> or a string that passes the same rules, and writes the
/// canonical text.
/// </summary>
public abstract class TextScalar<T>(string name) : ScalarType(name)
    where T : notnull
{
    protected abstract bool TryParse(string text, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error);

    protected abstract string Format(T value);

    public override object? Serialize(object value)
    {
        switch (value)
        {
            case T typed:
                return Format(typed);
            case string text:
                if (!TryParse(text, out var parsed, out var error))
                {
                    ScalarError.Throw(error);
                }

                return Format(parsed);
            default:
                ScalarError.NotAString(Name, value);
                return null;
        }
    }

    public override object? ParseValue(object? value)
    {
        if (value is not string text)
        {
            ScalarError.NotAString(Name, value);
            return null;
        }

        if (!TryParse(text, out var parsed, out var error))
        {
            ScalarError.Throw(error);
        }

        return parsed;
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        if (literal is not StringValueNode text)
        {
            ScalarError.NotAString(Name, literal);
            return null;
        }

        if (!TryParse(text.Value, out var parsed, out var error))
        {
            ScalarError.Throw(error, literal);
        }

        return parsed;
    }
}
