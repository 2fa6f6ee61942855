using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Reload;

/// <summary>The structured log events of reloading (the swap and the refusal are <c>CompositionLog</c>'s).</summary>
internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Watching {Directory} for changes of the served set's files.")]
    public static partial void Watching(ILogger logger, string directory);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "The watch of {Directory} lost events ({Reason}); the files are read again.")]
    public static partial void WatchFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "A reload failed; the last good set keeps serving.")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Reload requested by {User} of agency {Agency}.")]
    public static partial void OperatorReload(ILogger logger, string user, string agency);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "Reload refused to {User} of agency {Agency}: not the competent department.")]
    public static partial void OperatorRefused(ILogger logger, string user, string agency);
}
