using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Validation;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Scalars;

/// <summary>
/// A tiny schema that echoes each agency scalar, run through parse → validate → execute as a
/// subgraph would run a request; results are compared as response JSON.
/// </summary>
internal static class ScalarHarness
{
    [StringSyntax("graphql")]
    private const string Sdl = """
        scalar IdNumber
        scalar CreditCode
        scalar DivisionCode
        scalar Date
        scalar DateTime
        scalar GeoJSON

        type Query {
          idNumber(value: IdNumber!): IdNumber
          birthDate(value: IdNumber!): Date
          creditCode(value: CreditCode!): CreditCode
          divisionCode(value: DivisionCode!): DivisionCode
          divisionParent(value: DivisionCode!): DivisionCode
          date(value: Date!): Date
          dateTime(value: DateTime!): DateTime
          geometry(value: GeoJSON!): GeoJSON
          stored: Stored
        }

        "Values as a store would hand them back: strings and CLR values, not yet checked."
        type Stored {
          idNumber: IdNumber
          badIdNumber: IdNumber
          dateTime: DateTime
          geometry: GeoJSON
          "Puts Float in the schema, so that a variable inside a GeoJSON literal can be typed."
          accuracy: Float
        }
        """;

    public static readonly Schema Schema = AgencyScalars.BuildSchema(Sdl)
        .Bind("Query.idNumber", c => Echo(c))
        .Bind("Query.birthDate", c => new(((IdNumber)c.Arguments["value"]!).BirthDate))
        .Bind("Query.creditCode", c => Echo(c))
        .Bind("Query.divisionCode", c => Echo(c))
        .Bind("Query.divisionParent", c => new(((DivisionCode)c.Arguments["value"]!).Parent))
        .Bind("Query.date", c => Echo(c))
        .Bind("Query.dateTime", c => Echo(c))
        .Bind("Query.geometry", c => Echo(c))
        .Bind("Query.stored", _ => new(new object()))
        .Bind("Stored.idNumber", _ => new("11010519491231002x"))
        .Bind("Stored.badIdNumber", _ => new("110101199003074475"))
        .Bind("Stored.dateTime", _ => new(new DateTime(2024, 5, 1, 0, 30, 0, DateTimeKind.Utc)))
        .Bind("Stored.geometry", _ => new("""{"type":"Point","coordinates":[116.39,39.9]}"""));

    /// <summary>The response JSON: the validation errors if there are any, else the execution result.</summary>
    public static async Task<string> RunAsync([StringSyntax("graphql")] string query, [StringSyntax("json")] string? variables = null)
    {
        var document = Parser.Parse(query);
        var errors = DocumentValidator.Validate(Schema, document);
        if (errors.Count > 0)
        {
            return new ExecutionResult(errors).ToJson();
        }

        var result = await Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Schema,
            Document = document,
            Variables = variables is null ? null : (IReadOnlyDictionary<string, object?>?)PlainValues.FromJson(variables),
        }, TestContext.Current.CancellationToken);
        return result.ToJson();
    }

    /// <summary>What a scalar's ParseLiteral makes of the value literal <paramref name="literal"/>.</summary>
    public static object? ParseLiteral(ScalarType scalar, [StringSyntax("graphql")] string literal) =>
        scalar.ParseLiteral(Parser.ParseValue(literal));

    /// <summary>The message of the coercion error <paramref name="coerce"/> throws.</summary>
    public static string CoercionError(Func<object?> coerce) => Assert.Throws<GraphQLException>(coerce).Error.Message;

    private static ValueTask<object?> Echo(ResolveContext context) => new(context.Arguments["value"]);
}
