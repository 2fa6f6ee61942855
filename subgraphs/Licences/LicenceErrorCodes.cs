using Federation.GraphQL;

namespace Federation.Subgraphs.Licences;

/// <summary>The codes of the licence library's own errors, each with its one factory.</summary>
internal static class LicenceErrorCodes
{
    /// <summary>The library holds no licence with the number a correction names.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>An argument or input field breaks a rule of the library; the message names the field and the rule.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>The status change asked for is not one a licence can make from its present status.</summary>
    public const string InvalidStatusTransition = "INVALID_STATUS_TRANSITION";

    /// <summary>The service holds no seal key of the issuing agency, so it cannot seal the corrected licence.</summary>
    public const string SealUnavailable = "SEAL_UNAVAILABLE";

    /// <summary>The seal's digest is by a hash this service does not implement (SM3), so it cannot give it.</summary>
    public const string DigestUnavailable = "DIGEST_UNAVAILABLE";

    public static GraphQLException LicenceNotFound(string number) => Error(
        NotFound, $"The licence library holds no licence numbered {number}.", ("number", number));

    public static GraphQLException Invalid(string field, string rule) => Error(
        InvalidInput, $"{field}: {rule}", ("field", field));

    public static GraphQLException StatusTransition(string number, string from, string to, string why) => Error(
        InvalidStatusTransition, $"Licence {number} cannot go from {from} to {to}: {why}", ("from", from), ("to", to));

    public static GraphQLException SealUnavailableFor(string agencyCreditCode) => Error(
        SealUnavailable, $"No seal key of the issuing agency {agencyCreditCode} is configured, so the licence cannot be sealed anew.", ("agency", agencyCreditCode));

    public static GraphQLException DigestUnavailableFor(string sealId, string digestAlgorithm) => Error(
        DigestUnavailable, $"The seal {sealId} signs an {digestAlgorithm} digest, which this service cannot compute: .NET does not implement {digestAlgorithm}.", ("digestAlgorithm", digestAlgorithm));

    private static GraphQLException Error(string code, string message, params (string Name, object? Value)[] details)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (name, value) in details)
        {
            extensions[name] = value;
        }

        return new GraphQLException(new GraphQLError(message, extensions: extensions));
    }
}
