using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Caching;

/// <summary>A logger that keeps what it is given (event id and message), for tests that check what was logged.</summary>
internal sealed class CollectedLogs<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(int EventId, string Message)> entries = new();

    public IReadOnlyList<(int EventId, string Message)> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        entries.Enqueue((eventId.Id, formatter(state, exception)));
}
