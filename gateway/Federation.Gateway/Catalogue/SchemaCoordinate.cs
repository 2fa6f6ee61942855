namespace Federation.Gateway.Catalogue;

/// <summary>
/// A coordinate the catalogue lists, in GraphQL's schema-coordinate syntax
/// (https://spec.graphql.org/September2025/#sec-Schema-Coordinates): <c>Type.field</c> names a field
/// of an object or interface type or a field of an input object type, <c>Type.field(argument:)</c> an
/// argument of a field. Directive coordinates (<c>@name</c>) are not the catalogue's: directives carry
/// no data of any agency.
/// </summary>
internal readonly record struct SchemaCoordinate(string Type, string Field, string? Argument)
{
    public bool IsArgument => Argument is not null;

    public override string ToString() => Argument is null ? $"{Type}.{Field}" : $"{Type}.{Field}({Argument}:)";

    /// <summary>Reads <c>Type.field</c> or <c>Type.field(argument:)</c>; false for anything else.</summary>
    public static bool TryParse(string text, out SchemaCoordinate coordinate)
    {
        coordinate = default;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !IsName(text.AsSpan(0, dot)))
        {
            return false;
        }

        var rest = text.AsSpan(dot + 1);
        var open = rest.IndexOf('(');
        if (open < 0)
        {
            if (!IsName(rest))
            {
                return false;
            }

            coordinate = new SchemaCoordinate(text[..dot], rest.ToString(), null);
            return true;
        }

        var argument = rest[(open + 1)..];
        if (!IsName(rest[..open]) || !argument.EndsWith(":)", StringComparison.Ordinal) || !IsName(argument[..^2]))
        {
            return false;
        }

        coordinate = new SchemaCoordinate(text[..dot], rest[..open].ToString(), argument[..^2].ToString());
        return true;
    }

    /// <summary>https://spec.graphql.org/September2025/#Name</summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
