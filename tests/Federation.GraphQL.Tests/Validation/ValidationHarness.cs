using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language;
using Federation.GraphQL.Types;
using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation;

/// <summary>An error graphql-js reports: its message and the line:column of each location.</summary>
public sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations)
{
    public override string ToString() => $"{Message} ({string.Join(", ", Locations.Select(l => $"{l.Line}:{l.Column}"))})";
}

/// <summary>
/// The harness of the validation tests: a document is validated against <see cref="TestSchema"/>
/// with the rules under test, and the errors must be exactly the expected ones, in order, with
/// their locations. Every expected text was checked with graphql-js 17.1.0.
/// </summary>
public abstract class ValidationHarness
{
    /// <summary>The rules under test; all specified rules unless a test class narrows them.</summary>
    protected virtual IReadOnlyList<ValidationRule> Rules => SpecifiedRules.All;

    protected virtual Schema Schema => TestSchema.Schema;

    protected static ExpectedError Error(string message, params (int Line, int Column)[] locations) => new(message, locations);

    protected void ExpectValid([StringSyntax("graphql")] string document) => ExpectErrors(document, Array.Empty<ExpectedError>());

    protected void ExpectErrors([StringSyntax("graphql")] string document, params (string Message, int Line, int Column)[] errors) =>
        ExpectErrors(document, errors.Select(e => new ExpectedError(e.Message, (e.Line, e.Column))).ToArray());

    protected void ExpectErrors([StringSyntax("graphql")] string document, params ExpectedError[] errors)
    {
        var actual = DocumentValidator.Validate(Schema, Parser.Parse(document), Rules);
        Assert.Equal(Print(errors), Print(actual.Select(e => new ExpectedError(e.Message, e.Locations.Select(l => (l.Line, l.Column)).ToArray()))));
    }

    protected static void ExpectSdlErrors([StringSyntax("graphql")] string sdl, Schema? schemaToExtend, params ExpectedError[] errors)
    {
        var actual = DocumentValidator.ValidateSdl(Parser.Parse(sdl), schemaToExtend);
        Assert.Equal(Print(errors), Print(actual.Select(e => new ExpectedError(e.Message, e.Locations.Select(l => (l.Line, l.Column)).ToArray()))));
    }

    private static string Print(IEnumerable<ExpectedError> errors) => string.Join("\n", errors.Select(e => e.ToString()));
}
