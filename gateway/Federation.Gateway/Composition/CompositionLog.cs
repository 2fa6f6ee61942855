using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Composition;

/// <summary>The structured log events of composition at run time.</summary>
internal static partial class CompositionLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "The supergraph of {SubgraphCount} subgraphs ({Subgraphs}) now serves.")]
    public static partial void SupergraphSwapped(ILogger logger, int subgraphCount, string subgraphs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Supergraph reload refused, the last good supergraph keeps serving: {Code}: {ErrorMessage} (subgraphs: {Subgraphs}; coordinates: {Coordinates})")]
    public static partial void ReloadRefused(ILogger logger, string code, string errorMessage, string subgraphs, string coordinates);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Subgraph {Subgraph} at {Url} {Kind}: {Detail}")]
    public static partial void SubgraphDrifted(ILogger logger, string subgraph, string url, SubgraphDriftKind kind, string detail);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "The {SubgraphCount} live subgraphs match the supergraph.")]
    public static partial void SubgraphsMatch(ILogger logger, int subgraphCount);
}
