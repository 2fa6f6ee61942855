using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Federation.Gateway.Tests.Reload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Telemetry;

/// <summary>
/// What the gateway writes to its log, as its JSON console would write it — each entry's message, its
/// state's values, its scopes' values, its exception —, captured while requests carry a token, an identity
/// number (by variable, inline, in a GET's query string), and while a forged token is refused: none of
/// them, nor the signing secret, is in any line; the request's id is.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class LogSecrecyTests(ReloadSubgraphs subgraphs)
{
    private const string IdentityNumber = "330203199211236617";

    [Fact]
    public async Task No_log_line_carries_a_token_a_secret_or_an_identity_number()
    {
        var logs = new CapturedLogs();
        await using var gateway = await ReloadGateway.StartAsync(
            subgraphs.Subgraphs,
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        var token = gateway.Tokens.For(ReloadGateway.PublicSecurity);

        await gateway.PostAsync("""query ($id: IdNumber!) { person(idNumber: $id) { name } }""", new JsonObject { ["id"] = IdentityNumber }, ReloadGateway.PublicSecurity);
        await gateway.PostAsync($$"""{ person(idNumber: "{{IdentityNumber}}") { name } }""", ReloadGateway.PublicSecurity);
        await gateway.GetAsync($$"""{ person(idNumber: "{{IdentityNumber}}") { name } }""", ReloadGateway.PublicSecurity);
        var forged = token[..^8] + "AAAAAAAA";
        await gateway.RawAsync(forged, $$"""{ person(idNumber: "{{IdentityNumber}}") { name } }""");
        await gateway.StopAsync();

        var lines = logs.Lines();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            Assert.DoesNotContain(IdentityNumber, line, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[1], line, StringComparison.Ordinal);
            Assert.DoesNotContain(forged.Split('.')[2], line, StringComparison.Ordinal);
            Assert.DoesNotContain(subgraphs.Subgraphs.Secret, line, StringComparison.Ordinal);
        }

        // The lines written for a request name it: the scope ASP.NET Core opens carries its id.
        Assert.Contains(lines, line => line.Contains("RequestId=", StringComparison.Ordinal));
    }

    /// <summary>Every entry, as the lines the JSON console would write, at every level the gateway's filters let through.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly Lock sync = new();
        private readonly List<string> lines = [];
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<string> Lines()
        {
            lock (sync)
            {
                return [.. lines];
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private void Write(string line)
        {
            lock (sync)
            {
                lines.Add(line);
            }
        }

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new System.Text.StringBuilder().Append(category).Append(": ").Append(formatter(state, exception));
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }

                owner.scopes.ForEachScope(
                    (scope, text) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (key, value) in pairs)
                            {
                                text.Append(' ').Append(key).Append('=').Append(value);
                            }
                        }
                        else
                        {
                            text.Append(' ').Append(scope);
                        }
                    },
                    line);
                if (exception is not null)
                {
                    line.Append(' ').Append(exception);
                }

                owner.Write(line.ToString());
            }
        }
    }
}
