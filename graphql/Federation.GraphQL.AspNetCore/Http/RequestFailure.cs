using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>
/// A request the endpoint refuses before or instead of execution. <see cref="Status"/> is the
/// HTTP status for a request that is not well-formed; null means "a GraphQL request error": 400
/// for application/graphql-response+json, 200 for application/json, as the spec asks.
/// https://graphql.github.io/graphql-over-http/draft/#sec-application-json
/// </summary>
internal sealed record RequestFailure(int? Status, IReadOnlyList<GraphQLError> Errors)
{
    public static RequestFailure MethodNotAllowed(string method, bool getAllowed) =>
        Malformed(405, $"The method {method} is not allowed; use {(getAllowed ? "GET or POST" : "POST")}.", RequestErrorCodes.MethodNotAllowed);

    public static RequestFailure MutationOverGet(OperationType operation) =>
        Malformed(405, $"Can only perform a {operation.ToString().ToLowerInvariant()} operation from a POST request.", RequestErrorCodes.MutationOverGet);

    public static RequestFailure UnsupportedMediaType(string? contentType) =>
        Malformed(415, contentType is null
            ? "The request has no Content-Type; send application/json."
            : $"The Content-Type {contentType} is not supported; send application/json.", RequestErrorCodes.UnsupportedMediaType);

    public static RequestFailure NotAcceptable(string accept) =>
        Malformed(406, $"None of the media types in Accept: {accept} can be produced; accept application/graphql-response+json or application/json.", RequestErrorCodes.NotAcceptable);

    public static RequestFailure BodyTooLarge(int limit) =>
        Limit(413, $"The request body is larger than {limit} bytes (MaxBodyBytes).", RequestErrorCodes.BodyTooLarge, "MaxBodyBytes", limit);

    public static RequestFailure InvalidJson(string detail) =>
        Malformed(400, $"The request body is not valid JSON: {detail}", RequestErrorCodes.InvalidJson);

    public static RequestFailure InvalidUnicode(string message) =>
        Malformed(400, message, RequestErrorCodes.InvalidUnicode);

    public static RequestFailure InvalidRequest(string message) =>
        Malformed(400, message, RequestErrorCodes.InvalidRequest);

    public static RequestFailure BadHttpRequest(int status, string message) =>
        Malformed(status, message, RequestErrorCodes.InvalidRequest);

    public static RequestFailure InvalidParameter(string parameter, string expected) =>
        Malformed(400, $"The \"{parameter}\" parameter must be {expected}.", RequestErrorCodes.InvalidParameter);

    public static RequestFailure MissingQuery() =>
        Malformed(400, "The request has no \"query\" parameter (nor a trusted document id).", RequestErrorCodes.MissingQuery);

    public static RequestFailure DocumentTooLarge(int limit) =>
        Limit(null, $"The document is longer than {limit} characters (MaxDocumentLength).", RequestErrorCodes.DocumentTooLarge, "MaxDocumentLength", limit);

    public static RequestFailure Syntax(GraphQLError error, string code) =>
        new(null, [error.WithCode(code)]);

    public static RequestFailure Validation(IReadOnlyList<GraphQLError> errors) =>
        new(null, WithCode(errors, RequestErrorCodes.ValidationFailed));

    public static RequestFailure OperationNotFound(string message) =>
        Coded(null, message, RequestErrorCodes.OperationNotFound);

    public static RequestFailure IntrospectionDisabled(SyntaxNode field) =>
        new(null, [new GraphQLError("Introspection is disabled on this endpoint.", field).WithCode(RequestErrorCodes.IntrospectionDisabled)]);

    /// <remarks>Lists nested deep enough cost more than a double holds; JSON has no infinity, so the largest double stands in.</remarks>
    public static RequestFailure CostLimitExceeded(double cost, double limit) =>
        Limit(null, $"The operation costs {(double.IsFinite(cost) ? cost : double.MaxValue)}, more than the limit of {limit} (MaxCost).", RequestErrorCodes.CostLimitExceeded, "MaxCost", limit, double.IsFinite(cost) ? cost : double.MaxValue);

    public static RequestFailure TooDeep(int limit, int depth) =>
        Limit(null, $"The operation's fields nest {depth} deep through its fragments, more than {limit} (MaxDepth).", RequestErrorCodes.TooDeep, "MaxDepth", limit, depth);

    public static RequestFailure CostAnalysisAborted(long limit) =>
        Limit(null, $"The operation's cost could not be computed within {limit} steps; it is refused.", RequestErrorCodes.CostAnalysisAborted, "MaxCostAnalysisWork", limit);

    public static RequestFailure IntrospectionTooDeep(int limit, SyntaxNode field)
    {
        var error = new GraphQLError($"Introspection lists are nested more than {limit} deep (MaxIntrospectionListDepth).", field)
        {
            Extensions = new Dictionary<string, object?> { ["code"] = RequestErrorCodes.IntrospectionTooDeep, ["limit"] = "MaxIntrospectionListDepth", ["value"] = limit },
        };
        return new(null, [error]);
    }

    public static RequestFailure SlicingArgumentRequired(string coordinate, IReadOnlyList<string> arguments, SyntaxNode field) =>
        new(null, [new GraphQLError($"Field \"{coordinate}\" needs exactly one of its slicing arguments ({string.Join(", ", arguments)}).", field).WithCode(RequestErrorCodes.SlicingArgumentRequired)]);

    public static RequestFailure PersistedQueryNotFound(string hash) =>
        Coded(null, $"No trusted document has the id \"{hash}\".", RequestErrorCodes.PersistedQueryNotFound);

    public static RequestFailure PersistedQueryHashMismatch(string hash) =>
        Malformed(400, $"The query does not hash to \"{hash}\".", RequestErrorCodes.PersistedQueryHashMismatch);

    public static RequestFailure TrustedDocumentRequired() =>
        Coded(null, "This endpoint runs trusted documents only; send a known documentId.", RequestErrorCodes.TrustedDocumentRequired);

    public static RequestFailure Timeout(TimeSpan timeout) =>
        Limit(504, $"The operation did not finish within {timeout.TotalSeconds} s (RequestTimeout).", RequestErrorCodes.Timeout, "RequestTimeout", timeout.TotalSeconds);

    public static RequestFailure InternalError() =>
        Malformed(500, "Unexpected error while handling the request.", RequestErrorCodes.InternalError);

    internal static GraphQLError[] WithCode(IReadOnlyList<GraphQLError> errors, string code)
    {
        var coded = new GraphQLError[errors.Count];
        for (var i = 0; i < coded.Length; i++)
        {
            coded[i] = errors[i].WithCode(code);
        }

        return coded;
    }


    private static RequestFailure Malformed(int status, string message, string code) => Coded(status, message, code);

    private static RequestFailure Coded(int? status, string message, string code) =>
        new(status, [new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code })]);

    private static RequestFailure Limit(int? status, string message, string code, string limit, double value, double? actual = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code, ["limit"] = limit, ["value"] = value };
        if (actual is not null)
        {
            extensions["actual"] = actual;
        }

        return new(status, [new GraphQLError(message, extensions: extensions)]);
    }
}
