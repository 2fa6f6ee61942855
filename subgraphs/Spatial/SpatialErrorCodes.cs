using Federation.GraphQL;

namespace Federation.Subgraphs.Spatial;

/// <summary>The codes of the spatial register's errors, each with its one factory.</summary>
internal static class SpatialErrorCodes
{
    /// <summary>A correction names an address or parcel the register does not hold.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An argument breaks a rule of the register (a range, a reference, a required value).</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A GeoJSON argument is not the kind of geometry asked for or not a valid one.</summary>
    public const string InvalidGeometry = "INVALID_GEOMETRY";

    public static GraphQLException RecordNotFound(string type, string key) =>
        Error(NotFound, $"The register holds no {type} \"{key}\".");

    public static GraphQLException Invalid(string argument, string rule) =>
        Error(InvalidInput, $"`{argument}` {rule}.");

    public static GraphQLException InvalidGeometryOf(string argument, string rule) =>
        Error(InvalidGeometry, $"`{argument}` {rule}.");

    private static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
