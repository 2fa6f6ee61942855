using Federation.GraphQL;

namespace Federation.Subgraphs.LegalPersons;

/// <summary>The codes of the errors the legal-person register answers, each with its one factory.</summary>
internal static class LegalPersonErrorCodes
{
    /// <summary>A correction names a legal person the register does not hold.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An argument or input field breaks a rule of the register; the message names the rule.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    public static GraphQLException LegalPersonNotFound(string creditCode) => Error(
        NotFound, $"The register holds no legal person with credit code {creditCode}.");

    /// <param name="field">The input path, e.g. <c>input.shareholders[1].sharePercentage</c>.</param>
    public static GraphQLException Invalid(string field, string rule) => new(new GraphQLError(
        $"{field}: {rule}.",
        extensions: new Dictionary<string, object?> { ["code"] = InvalidInput, ["field"] = field }));

    private static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
