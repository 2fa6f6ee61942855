using System.Text.Encodings.Web;
using System.Text.Json;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Tests.Execution;

/// <summary>A schema whose field <c>g</c> answers with its coerced arguments as JSON text.</summary>
internal static class CoercionSchema
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Schema Create() => ExecutionHarness.Schema("""
            input I { a: Int! b: String = "x" }
            input O @oneOf { a: Int b: String }
            enum E { RED GREEN }
            type Query {
              f(x: Int!): Int
              g(i: I, o: O, e: E, l: [Int!], d: Int = 5, s: [String]): String
              color: E
            }
            """)
        .Bind("Query.g", context => new(JsonSerializer.Serialize(context.Arguments, Options)));
}
