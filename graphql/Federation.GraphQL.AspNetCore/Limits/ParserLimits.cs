using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.Language;

namespace Federation.GraphQL.AspNetCore.Limits;

/// <summary>
/// The document limits are enforced by the parser while it reads (so an abusive document costs
/// no more than the limit); this maps its "Parsing aborted." errors to the endpoint's codes.
/// </summary>
internal static class ParserLimits
{
    public static ParserOptions OptionsFor(RequestLimits limits) => new()
    {
        MaxDocumentLength = limits.MaxDocumentLength,
        MaxTokens = limits.MaxTokens,
        MaxDepth = limits.MaxDepth,
        MaxAliases = limits.MaxAliases,
    };

    public static RequestFailure Classify(GraphQLError error, RequestLimits limits)
    {
        var message = error.Message;
        if (!message.EndsWith("Parsing aborted.", StringComparison.Ordinal))
        {
            return RequestFailure.Syntax(error, RequestErrorCodes.ParseFailed);
        }

        var (code, limit, value) = message switch
        {
            _ when message.Contains("tokens", StringComparison.Ordinal) => (RequestErrorCodes.TooManyTokens, "MaxTokens", limits.MaxTokens),
            _ when message.Contains("(MaxAliases)", StringComparison.Ordinal) => (RequestErrorCodes.TooManyAliases, "MaxAliases", limits.MaxAliases),
            _ when message.Contains("nesting", StringComparison.Ordinal) => (RequestErrorCodes.TooDeep, "MaxDepth", limits.MaxDepth),
            _ => (RequestErrorCodes.DocumentTooLarge, "MaxDocumentLength", limits.MaxDocumentLength),
        };

        return RequestFailure.Syntax(
            error with { Extensions = new Dictionary<string, object?> { ["code"] = code, ["limit"] = limit, ["value"] = value } },
            code);
    }
}
