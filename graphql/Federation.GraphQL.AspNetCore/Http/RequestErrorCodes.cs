namespace Federation.GraphQL.AspNetCore.Http;

/// <summary>The <c>extensions.code</c> of every error the endpoint itself raises.</summary>
public static class RequestErrorCodes
{
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string InvalidJson = "INVALID_JSON";
    public const string InvalidUnicode = "INVALID_UNICODE";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidParameter = "INVALID_PARAMETER";
    public const string MissingQuery = "MISSING_QUERY";
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string OperationNotFound = "OPERATION_NOT_FOUND";
    public const string InvalidVariables = "INVALID_VARIABLES";
    public const string MutationOverGet = "MUTATION_OVER_GET";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string TooManyTokens = "TOO_MANY_TOKENS";
    public const string TooDeep = "TOO_DEEP";
    public const string TooManyAliases = "TOO_MANY_ALIASES";
    public const string CostLimitExceeded = "COST_LIMIT_EXCEEDED";
    public const string CostAnalysisAborted = "COST_ANALYSIS_ABORTED";
    public const string SlicingArgumentRequired = "SLICING_ARGUMENT_REQUIRED";
    public const string IntrospectionTooDeep = "INTROSPECTION_TOO_DEEP";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string TrustedDocumentRequired = "TRUSTED_DOCUMENT_REQUIRED";
    public const string Timeout = "REQUEST_TIMEOUT";
    public const string InternalError = "INTERNAL_SERVER_ERROR";
}
