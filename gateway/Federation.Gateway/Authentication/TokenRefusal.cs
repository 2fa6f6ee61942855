using System.Text;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>
/// A 401 as GraphQL clients read it — <c>{"errors":[{"message":…,"extensions":{"code":…}}]}</c> — with
/// the RFC 6750 challenge in <c>WWW-Authenticate</c>; or a 403 with the same body for a valid token
/// whose claims the agencies registry refuses (a new token of the same claims would not help, so no
/// challenge invites one). Messages say what is wrong with a token without echoing the token or any key.
/// </summary>
internal sealed record TokenRefusal(GraphQLError Error, string? BearerError, int Status = StatusCodes.Status401Unauthorized)
{
    /// <summary>RFC 6750 §3.1: a request without credentials gets a challenge with no error code.</summary>
    public static TokenRefusal NoToken() => new(AuthenticationErrorCodes.NoToken(), null);

    public static TokenRefusal MalformedHeader() =>
        new(AuthenticationErrorCodes.InvalidToken("The Authorization header must be \"Bearer <token>\"."), "invalid_request");

    public static TokenRefusal BadClaims(string problem) => new(AuthenticationErrorCodes.InvalidToken(problem), "invalid_token");

    /// <summary>A valid token whose claims the agencies registry refuses (<see cref="RegistryAdmission"/>).</summary>
    public static TokenRefusal Unregistered(GraphQLError error) => new(error, null, StatusCodes.Status403Forbidden);

    /// <summary>Why validation refused <paramref name="token"/>, from the validator's exception.</summary>
    public static TokenRefusal Of(Exception failure, string? token, IReadOnlyList<string> acceptedAlgorithms)
    {
        if (failure is AggregateException { InnerExceptions.Count: 1 } single)
        {
            failure = single.InnerExceptions[0];
        }

        var error = failure switch
        {
            SecurityTokenExpiredException expired => AuthenticationErrorCodes.ExpiredToken(expired.Expires),
            SecurityTokenNotYetValidException early => AuthenticationErrorCodes.InvalidToken($"The token is not valid before {early.NotBefore:yyyy-MM-dd'T'HH:mm:ss'Z'}."),
            SecurityTokenNoExpirationException => AuthenticationErrorCodes.InvalidToken("The token has no expiry time (\"exp\"); only tokens that expire are accepted."),
            SecurityTokenInvalidLifetimeException => AuthenticationErrorCodes.InvalidToken("The token's lifetime is invalid (\"nbf\" after \"exp\")."),
            SecurityTokenInvalidAudienceException => AuthenticationErrorCodes.InvalidToken($"The token is for audience \"{Clip(Read(token, t => string.Join(", ", t.Audiences)))}\", not this gateway."),
            SecurityTokenInvalidIssuerException => AuthenticationErrorCodes.InvalidToken($"The token's issuer \"{Clip(Read(token, t => t.Issuer))}\" is not trusted."),
            SecurityTokenInvalidAlgorithmException algorithm => AuthenticationErrorCodes.InvalidToken($"The token's algorithm \"{Clip(algorithm.InvalidAlgorithm)}\" is not accepted."),
            _ when IsUnsigned(token) => AuthenticationErrorCodes.InvalidToken("The token is not signed (alg \"none\" or no signature); only signed tokens are accepted."),
            // The validator reports an algorithm outside the list as a signature that does not verify.
            SecurityTokenInvalidSignatureException when Read(token, t => t.Alg) is { } alg && !acceptedAlgorithms.Contains(alg) =>
                AuthenticationErrorCodes.InvalidToken($"The token's algorithm \"{Clip(alg)}\" is not accepted."),
            SecurityTokenSignatureKeyNotFoundException => AuthenticationErrorCodes.InvalidToken("The token is signed with a key the gateway does not trust."),
            SecurityTokenInvalidSignatureException => AuthenticationErrorCodes.InvalidToken("The token's signature does not verify with any key the gateway trusts."),
            // Microsoft.Identity.Web's check (Entra ID): a token granting no permission of this API.
            AuthenticationFailureException refused when refused.Message.StartsWith("IDW10201", StringComparison.Ordinal) =>
                AuthenticationErrorCodes.InvalidToken("The token grants neither scopes (\"scp\") nor app roles (\"roles\") of this gateway's application."),
            SecurityTokenMalformedException or ArgumentException => AuthenticationErrorCodes.InvalidToken("The bearer token is not a JSON Web Token."),
            // Five parts: a JWE, which this gateway neither decrypts nor accepts.
            SecurityTokenDecryptionFailedException or SecurityTokenEncryptionKeyNotFoundException =>
                AuthenticationErrorCodes.InvalidToken("The bearer token is encrypted (JWE); only signed tokens (JWS) are accepted."),
            _ => AuthenticationErrorCodes.InvalidToken("The token was refused."),
        };
        return new TokenRefusal(error, "invalid_token");
    }

    public async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = Challenge();
        }

        response.Headers.CacheControl = "no-store";
        response.ContentType = "application/json; charset=utf-8";
        new ExecutionResult([Error]).WriteTo(response.BodyWriter);
        await response.BodyWriter.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    public string Challenge() => BearerError is null
        ? "Bearer"
        : $"Bearer error=\"{BearerError}\", error_description=\"{Description(Error.Message)}\"";

    /// <summary>RFC 6750 §3: error_description holds %x20-21 / %x23-5B / %x5D-7E only.</summary>
    private static string Description(string message)
    {
        var description = new StringBuilder(message.Length);
        foreach (var c in message)
        {
            description.Append(c switch
            {
                '"' => '\'',
                '\\' or < ' ' or > '~' => '?',
                _ => c,
            });
        }

        return description.ToString();
    }

    private static string Clip(string? value) => AuthenticationErrorCodes.Clip(value ?? "");

    /// <summary>
    /// A claim of a token that validation refused, read without trusting it, to say what was wrong.
    /// The token is anything a client sent — a JWE, a header that is a JSON array, an <c>alg</c> that is
    /// a number — and the parser's exceptions for those are of many types: none may turn a refusal into a 500.
    /// </summary>
    private static string? Read(string? token, Func<JsonWebToken, string?> claim)
    {
        try
        {
            return token is null ? null : claim(new JsonWebToken(token));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>An unsigned JWS: an empty signature part, or a <c>none</c> algorithm.</summary>
    private static bool IsUnsigned(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        return token.EndsWith('.') || (Read(token, t => t.Alg) is { } alg && alg.Equals("none", StringComparison.OrdinalIgnoreCase));
    }
}
