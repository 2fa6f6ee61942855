using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Federation.Gateway.Authentication;

/// <summary>
/// RFC 7515 §4.1.11: "If any of the listed extension Header Parameters are not understood and
/// supported by the recipient, then the JWS is invalid", and producers "MUST NOT use the empty list".
/// The token handler does not look at <c>crit</c>, so the gate does, once per validated token. This
/// gateway understands no extension parameter, so any <c>crit</c> is refused — a malformed one too.
/// </summary>
internal static class CriticalHeader
{
    /// <summary>Why <paramref name="token"/>'s header makes it invalid; null when it names no critical parameter.</summary>
    public static string? Problem(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        JsonElement crit;
        try
        {
            using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(dot < 0 ? token : token[..dot]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || !header.RootElement.TryGetProperty("crit", out var found))
            {
                return null;
            }

            crit = found.Clone();
        }
        catch (Exception exception) when (exception is JsonException or FormatException or ArgumentException)
        {
            // The handler validated this header; a header it read and this cannot is refused rather than let through.
            return "The token's header cannot be read.";
        }

        if (crit.ValueKind != JsonValueKind.Array || crit.GetArrayLength() == 0
            || crit.EnumerateArray().Any(name => name.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(name.GetString())))
        {
            return "The token's \"crit\" header is not a non-empty list of header parameter names (RFC 7515 §4.1.11).";
        }

        var names = string.Join(", ", crit.EnumerateArray().Select(name => name.GetString()));
        return $"The token's header marks parameters critical (crit: {AuthenticationErrorCodes.Clip(names)}) that this gateway does not understand (RFC 7515 §4.1.11).";
    }
}
