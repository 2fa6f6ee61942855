using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Xunit;

namespace Federation.GraphQL.Tests.Types;

/// <summary>The Types tests' harness: build from SDL, then compare printed SDL or errors with graphql-js's.</summary>
internal static class SchemaHarness
{
    public static Schema Build([StringSyntax("graphql")] string sdl, params string[] extensions)
    {
        var schema = SchemaBuilder.FromSdl(sdl);
        foreach (var extension in extensions)
        {
            schema = SchemaBuilder.Extend(schema, Parser.Parse(extension));
        }

        return schema;
    }

    /// <summary>Builds, then prints with <see cref="SchemaPrinter"/>; <paramref name="expected"/> is graphql-js's printSchema output.</summary>
    public static void ExpectPrinted([StringSyntax("graphql")] string sdl, [StringSyntax("graphql")] string expected) =>
        Assert.Equal(expected, SchemaPrinter.Print(Build(sdl)));

    /// <summary>Building fails with graphql-js's message (several errors joined by blank lines).</summary>
    public static GraphQLException ExpectBuildError([StringSyntax("graphql")] string sdl, string message, params string[] extensions)
    {
        var error = Assert.ThrowsAny<GraphQLException>(() => Build(sdl, extensions));
        Assert.Equal(message, error.Message);
        return error;
    }

    public static string TypeNames(Schema schema) => string.Join(", ", schema.Types.Select(t => t.Name));
}
