using System.Text.Json;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// <c>scalar GeoJSON @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc7946")</c>: a geometry
/// object, held as <see cref="GeoJsonGeometry"/>. Input: an object literal or an object variable
/// (the JSON as it is), or a string holding GeoJSON text. Output: the geometry as a JSON object;
/// resolvers may return a <see cref="GeoJsonGeometry"/>, GeoJSON text, a <see cref="JsonElement"/> or plain values.
/// Variables inside a geometry literal are not supported: validation hands scalars the literal
/// with its variables read as null (as graphql-js does), which no geometry survives — a client
/// passes the whole geometry as one variable instead.
/// </summary>
public sealed class GeoJsonScalar : ScalarType
{
    public const string Specification = "https://www.rfc-editor.org/rfc/rfc7946";

    public GeoJsonScalar()
        : base("GeoJSON")
    {
        SpecifiedByUrl = Specification;
        Description = "A GeoJSON geometry object (RFC 7946) in CGCS2000 longitude/latitude (EPSG:4490), e.g. {\"type\":\"Point\",\"coordinates\":[113.62,34.75]}.";
    }

    public override object? Serialize(object value)
    {
        switch (value)
        {
            case GeoJsonGeometry geometry:
                return geometry.ToJsonValue();
            case string json:
                return Checked(GeoJsonGeometry.TryParseJson(json, out var fromText, out var textError), fromText, textError).ToJsonValue();
            case JsonElement element:
                return Checked(GeoJsonGeometry.TryParseJson(element.GetRawText(), out var fromElement, out var elementError), fromElement, elementError).ToJsonValue();
            default:
                return Checked(GeoJsonGeometry.TryParse(value, out var fromValue, out var error), fromValue, error).ToJsonValue();
        }
    }

    public override object? ParseValue(object? value)
    {
        switch (value)
        {
            case string json:
                return Checked(GeoJsonGeometry.TryParseJson(json, out var fromText, out var textError), fromText, textError);
            case IReadOnlyDictionary<string, object?>:
                return Checked(GeoJsonGeometry.TryParse(value, out var geometry, out var error), geometry, error);
            default:
                ScalarError.Throw($"GeoJSON cannot represent a non object value: {ScalarError.Inspect(value)}");
                return null;
        }
    }

    public override object? ParseLiteral(ValueNode literal)
    {
        string? error;
        GeoJsonGeometry? geometry;
        switch (literal)
        {
            case ObjectValueNode:
                GeoJsonGeometry.TryParse(ValueFromLiteral.Untyped(literal), out geometry, out error);
                break;
            case StringValueNode text:
                GeoJsonGeometry.TryParseJson(text.Value, out geometry, out error);
                break;
            default:
                ScalarError.Throw($"GeoJSON cannot represent a non object value: {Printer.Print(literal)}", literal);
                return null;
        }

        if (geometry is null)
        {
            ScalarError.Throw(error!, literal);
        }

        return geometry;
    }

    private static GeoJsonGeometry Checked(bool ok, GeoJsonGeometry? geometry, string? error)
    {
        if (!ok)
        {
            ScalarError.Throw(error!);
        }

        return geometry!;
    }
}
