namespace Federation.Protocol.Signing;

/// <summary>Why a subgraph refused a request as not coming from the gateway, in <c>extensions.code</c>.</summary>
public static class SignatureErrorCodes
{
    public const string SignatureMissing = "SIGNATURE_MISSING";

    /// <summary>The signature does not match the request (wrong secret, tampered method, path, body or caller), or is malformed.</summary>
    public const string SignatureInvalid = "SIGNATURE_INVALID";

    /// <summary>The timestamp is older than the window, or further in the future than the allowed clock skew.</summary>
    public const string SignatureExpired = "SIGNATURE_EXPIRED";

    /// <summary>The same signature was already accepted within the window.</summary>
    public const string SignatureReplayed = "SIGNATURE_REPLAYED";

    /// <summary>No calling agency or no purpose.</summary>
    public const string CallerMissing = "CALLER_MISSING";

    /// <summary><c>X-Caller-Division</c> is present but not a GB/T 2260 division code.</summary>
    public const string CallerDivisionInvalid = "CALLER_DIVISION_INVALID";

    /// <summary>The memory of seen signatures is full of live entries; the request is refused (503) rather than let through unchecked.</summary>
    public const string ReplayMemoryFull = "REPLAY_MEMORY_FULL";
}
