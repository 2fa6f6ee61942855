using Federation.GraphQL;

namespace Federation.Gateway.Admission;

/// <summary>
/// The error codes of admission, each with its one factory. The token's and the purpose
/// declaration's codes are the gate's (<c>Authentication/AuthenticationErrorCodes</c>).
/// </summary>
internal static class AdmissionErrorCodes
{
    /// <summary>The request's variables do not coerce to their declared types: a request error, before any subgraph is asked.</summary>
    public const string InvalidVariables = "INVALID_VARIABLES";

    /// <summary>The engine's coercion errors, each with <see cref="InvalidVariables"/> as its code.</summary>
    public static IReadOnlyList<GraphQLError> VariablesRefused(IReadOnlyList<GraphQLError> errors)
    {
        var coded = new GraphQLError[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            coded[i] = errors[i].WithCode(InvalidVariables);
        }

        return coded;
    }
}
