using Federation.GraphQL;

namespace Federation.Gateway.Platform;

/// <summary>Why the platform's own part of the graph refuses a request; one factory per code.</summary>
internal static class PlatformErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string MixedMutation = "PLATFORM_MUTATION_MIXED";

    public static GraphQLError NoIdentity() =>
        Error(Unauthenticated, "This part of the platform needs a signed-in caller (a bearer token).");

    public static GraphQLError NotADateTime(string argument, object? value) =>
        Error(InvalidArgument, $"{argument} must be a date-time with an offset (RFC 3339, e.g. 2026-01-05T09:00:00+08:00), not {Sharing.ShareText.Clip(value?.ToString() ?? "null")}.");

    public static GraphQLError MixedMutationFields(IReadOnlyList<string> platformFields, IReadOnlyList<string> subgraphFields) =>
        Error(
            MixedMutation,
            $"A mutation may not mix the platform's fields ({string.Join(", ", platformFields)}) with agency subgraph fields " +
            $"({string.Join(", ", subgraphFields)}): they cannot run in one serial order. Send them as two operations.");

    private static GraphQLError Error(string code, string message) =>
        new(message, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code });
}
