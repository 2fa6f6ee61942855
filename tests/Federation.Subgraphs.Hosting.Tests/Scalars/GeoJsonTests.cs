using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

public sealed class GeoJsonTests
{
    [Theory]
    [InlineData("""{"type":"Point","coordinates":[116.39,39.9]}""")]
    [InlineData("""{"type":"Point","coordinates":[-180,-90,12.5]}""")]
    [InlineData("""{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}""")]
    [InlineData("""{"type":"MultiPoint","coordinates":[]}""")]
    [InlineData("""{"type":"LineString","coordinates":[[1,2],[3,4]]}""")]
    [InlineData("""{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6],[7,8],[9,10]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,3],[3,3],[2,2]]]}""")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}""")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1,2]},{"type":"GeometryCollection","geometries":[]}]}""")]
    public void Geometries_parse_and_write_back_the_same_JSON(string json)
    {
        Assert.True(GeoJsonGeometry.TryParseJson(json, out var geometry, out var error), error);
        Assert.Equal(json, geometry.ToJson());
    }

    [Fact]
    public void Foreign_members_and_bbox_are_dropped()
    {
        var geometry = Parse("""{"type":"Point","bbox":[1,2,1,2],"name":"x","coordinates":[1,2]}""");
        Assert.Equal(new Point(new GeoPosition(1, 2)), geometry);
        Assert.Equal("""{"type":"Point","coordinates":[1,2]}""", geometry.ToJson());
    }

    [Theory]
    [InlineData("[1,2]", "GeoJSON geometry must be an object with a \"type\" member (RFC 7946 §3.1).")]
    [InlineData("""{"coordinates":[1,2]}""", "GeoJSON geometry must be an object with a \"type\" member (RFC 7946 §3.1).")]
    [InlineData("""{"type":7}""", "GeoJSON geometry \"type\" must be a string (RFC 7946 §3.1).")]
    [InlineData("""{"type":"Feature","geometry":null}""", "GeoJSON type \"Feature\" is not a geometry type (RFC 7946 §1.4).")]
    [InlineData("""{"type":"point","coordinates":[1,2]}""", "GeoJSON type \"point\" is not a geometry type (RFC 7946 §1.4).")]
    [InlineData("""{"type":"Point"}""", "GeoJSON Point must have \"coordinates\" (RFC 7946 §3.1).")]
    [InlineData("""{"type":"Point","coordinates":[1]}""", "GeoJSON Point must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).")]
    [InlineData("""{"type":"Point","coordinates":[1,2,3,4]}""", "GeoJSON Point must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).")]
    [InlineData("""{"type":"Point","coordinates":["1","2"]}""", "GeoJSON Point must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).")]
    [InlineData("""{"type":"Point","coordinates":[180.5,0]}""", "GeoJSON Point longitude 180.5 is outside [-180, 180] (RFC 7946 §4).")]
    [InlineData("""{"type":"Point","coordinates":[0,-91]}""", "GeoJSON Point latitude -91 is outside [-90, 90] (RFC 7946 §4).")]
    [InlineData("""{"type":"MultiPoint","coordinates":[[1,2],[3]]}""", "GeoJSON MultiPoint position 1 must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).")]
    [InlineData("""{"type":"LineString","coordinates":[[1,2]]}""", "GeoJSON LineString must have at least 2 positions (RFC 7946 §3.1.4).")]
    [InlineData("""{"type":"LineString","coordinates":{"a":1}}""", "GeoJSON LineString coordinates must be an array (RFC 7946 §3.1.4).")]
    [InlineData("""{"type":"MultiLineString","coordinates":[[[1,2],[3,4]],[[5,6]]]}""", "GeoJSON MultiLineString line 1 must have at least 2 positions (RFC 7946 §3.1.5).")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""", "GeoJSON Polygon ring 0 is not closed (RFC 7946 §3.1.6).")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""", "GeoJSON Polygon ring 0 must have at least 4 positions (RFC 7946 §3.1.6).")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]],[[2,2],[2,3],[3,3],[2,2.5]]]}""", "GeoJSON Polygon ring 1 is not closed (RFC 7946 §3.1.6).")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}""", "GeoJSON Polygon ring 0 position 2 latitude 91 is outside [-90, 90] (RFC 7946 §4).")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6]]]]}""", "GeoJSON MultiPolygon polygon 1 ring 0 is not closed (RFC 7946 §3.1.6).")]
    [InlineData("""{"type":"GeometryCollection"}""", "GeoJSON GeometryCollection must have a \"geometries\" array (RFC 7946 §3.1.8).")]
    [InlineData("""{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[200,0]}]}""", "GeoJSON Point longitude 200 is outside [-180, 180] (RFC 7946 §4).")]
    [InlineData("""{"type":"Point",""", "GeoJSON text is not JSON (RFC 7946 §2).")]
    public void Invalid_geometries_name_the_rule(string json, string message)
    {
        Assert.False(GeoJsonGeometry.TryParseJson(json, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Scalar_takes_object_literals_objects_and_JSON_text()
    {
        var scalar = new GeoJsonScalar();
        var point = new Point(new GeoPosition(116.39, 39.9));
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc7946", scalar.SpecifiedByUrl);
        Assert.Equal(point, ScalarHarness.ParseLiteral(scalar, """{ type: "Point", coordinates: [116.39, 39.9] }"""));
        Assert.Equal(point, ScalarHarness.ParseLiteral(scalar, "\"{\\\"type\\\":\\\"Point\\\",\\\"coordinates\\\":[116.39,39.9]}\""));
        Assert.Equal(point, scalar.ParseValue(new Dictionary<string, object?> { ["type"] = "Point", ["coordinates"] = new object?[] { 116.39, 39.9 } }));
        Assert.Equal(point, scalar.ParseValue("""{"type":"Point","coordinates":[116.39,39.9]}"""));

        Assert.Equal(
            """{"type":"Point","coordinates":[116.39,39.9]}""",
            System.Text.Json.JsonSerializer.Serialize(scalar.Serialize(System.Text.Json.JsonDocument.Parse("""{"type":"Point","coordinates":[116.39,39.9]}""").RootElement)));
        Assert.Equal(
            "GeoJSON LineString must have at least 2 positions (RFC 7946 §3.1.4).",
            ScalarHarness.CoercionError(() => scalar.Serialize(System.Text.Json.JsonDocument.Parse("""{"type":"LineString","coordinates":[[1,2]]}""").RootElement)));

        Assert.Equal("GeoJSON cannot represent a non object value: [1, 2]", ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, "[1, 2]")));
        Assert.Equal("GeoJSON cannot represent a non object value: 5", ScalarHarness.CoercionError(() => scalar.ParseValue(5)));
        Assert.Equal(
            "GeoJSON Polygon ring 0 is not closed (RFC 7946 §3.1.6).",
            ScalarHarness.CoercionError(() => ScalarHarness.ParseLiteral(scalar, """{ type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }""")));
        Assert.Equal(
            "GeoJSON geometry must be an object with a \"type\" member (RFC 7946 §3.1).",
            ScalarHarness.CoercionError(() => scalar.Serialize(new object())));
    }

    [Fact]
    public async Task End_to_end_literal_variable_and_invalid_value()
    {
        Assert.Equal(
            """{"data":{"geometry":{"type":"LineString","coordinates":[[116.39,39.9],[121.47,31.23,4]]}}}""",
            await ScalarHarness.RunAsync("""{ geometry(value: { type: "LineString", coordinates: [[116.39, 39.9], [121.47, 31.23, 4]] }) }"""));
        Assert.Equal(
            """{"data":{"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}}""",
            await ScalarHarness.RunAsync(
                """query($g: GeoJSON!) { geometry(value: $g) }""",
                """{"g":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"""));

        // Validation gives a scalar its literal with variables read as null (graphql-js replaceVariables),
        // so a geometry cannot be assembled from variables: pass the whole geometry as one.
        Assert.Equal(
            """{"errors":[{"message":"GeoJSON Point must be a position: an array of 2 or 3 numbers (RFC 7946 §3.1.1).","locations":[{"line":1,"column":37}]}]}""",
            await ScalarHarness.RunAsync("""query($x: Float!) { geometry(value: { type: "Point", coordinates: [1, $x] }) }""", """{"x":2}"""));
        Assert.Equal(
            """{"data":{"stored":{"geometry":{"type":"Point","coordinates":[116.39,39.9]}}}}""",
            await ScalarHarness.RunAsync("""{ stored { geometry } }"""));
        Assert.Equal(
            """{"errors":[{"message":"GeoJSON Polygon ring 0 is not closed (RFC 7946 §3.1.6).","locations":[{"line":1,"column":19}]}]}""",
            await ScalarHarness.RunAsync("""{ geometry(value: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }) }"""));
        Assert.Equal(
            """{"errors":[{"message":"Variable \"$g\" has invalid value: GeoJSON Point latitude 95 is outside [-90, 90] (RFC 7946 §4).","locations":[{"line":1,"column":7}]}]}""",
            await ScalarHarness.RunAsync("""query($g: GeoJSON!) { geometry(value: $g) }""", """{"g":{"type":"Point","coordinates":[0,95]}}"""));
    }

    private static GeoJsonGeometry Parse(string json)
    {
        Assert.True(GeoJsonGeometry.TryParseJson(json, out var geometry, out var error), error);
        return geometry;
    }
}
