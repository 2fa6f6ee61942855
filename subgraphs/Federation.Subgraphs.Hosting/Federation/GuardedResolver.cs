using System.Collections;
using Federation.GraphQL;
using Federation.GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Subgraphs.Hosting;

/// <summary>
/// What every resolver <see cref="Subgraph"/> binds runs inside: text arguments that PostgreSQL
/// cannot store (U+0000, unpaired surrogates) are refused with <c>INVALID_TEXT</c> before the
/// resolver sees them, and a failure the resolver did not describe as a GraphQL error (an Npgsql
/// exception, a bug) is logged with its details and answered as <c>INTERNAL_SERVER_ERROR</c>: the
/// engine would otherwise put the exception's message — SQL, table names, hosts — in the response.
/// </summary>
internal static partial class GuardedResolver
{
    public static FieldResolver Wrap(FieldResolver resolver) => context =>
    {
        if (context.Arguments.Count > 0)
        {
            RefuseInvalidText(context.Arguments);
        }

        ValueTask<object?> pending;
        try
        {
            pending = resolver(context);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            throw Unexpected(exception, context.Context, context.Services, $"{context.ParentType.Name}.{context.FieldName}");
        }

        // Most resolvers answer synchronously (a property, a reference): no state machine for them.
        return pending.IsCompletedSuccessfully ? pending : AwaitAsync(pending, context);
    };

    /// <summary>The error an entity resolver's unexpected failure becomes, logged like a field's.</summary>
    public static Exception Describe(Exception exception, EntityBatchContext context, string typeName) =>
        IsUnexpected(exception) ? Unexpected(exception, context.RequestContext, context.Services, $"_entities({typeName})") : exception;

    private static async ValueTask<object?> AwaitAsync(ValueTask<object?> pending, ResolveContext context)
    {
        // Read before awaiting: the executor reuses the context once the field completes.
        var requestContext = context.Context;
        var services = context.Services;
        var coordinate = $"{context.ParentType.Name}.{context.FieldName}";
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            throw Unexpected(exception, requestContext, services, coordinate);
        }
    }

    private static bool IsUnexpected(Exception exception) => exception is not (GraphQLException or OperationCanceledException);

    private static GraphQLException Unexpected(Exception exception, object? requestContext, IServiceProvider? services, string coordinate)
    {
        var http = (requestContext as SubgraphRequestContext)?.HttpContext;
        var loggers = (services ?? http?.RequestServices)?.GetService<ILoggerFactory>();
        if (loggers is not null)
        {
            LogUnexpected(loggers.CreateLogger("Federation.Subgraphs.Resolvers"), exception, coordinate, http?.TraceIdentifier);
        }

        return ResolverErrorCodes.Unexpected(http?.TraceIdentifier);
    }

    /// <summary>Throws <c>INVALID_TEXT</c> for the first string in the arguments, at any depth, that PostgreSQL cannot store as text.</summary>
    private static void RefuseInvalidText(IReadOnlyDictionary<string, object?> arguments)
    {
        foreach (var (name, value) in arguments)
        {
            if (Problem(value) is { } problem)
            {
                throw ResolverErrorCodes.TextNotAccepted(name, problem);
            }
        }
    }

    private static string? Problem(object? value)
    {
        switch (value)
        {
            case string text:
                return TextProblem(text);
            case IReadOnlyDictionary<string, object?> fields:
                foreach (var (_, field) in fields)
                {
                    if (Problem(field) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case IEnumerable items:
                foreach (var item in items)
                {
                    if (Problem(item) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? TextProblem(string text)
    {
        var span = text.AsSpan();
        if (span.Contains('\0'))
        {
            return "the character U+0000";
        }

        var at = span.IndexOfAnyInRange('\ud800', '\udfff');
        while (at >= 0)
        {
            if (!char.IsHighSurrogate(span[at]) || at + 1 >= span.Length || !char.IsLowSurrogate(span[at + 1]))
            {
                return "half of a UTF-16 surrogate pair";
            }

            span = span[(at + 2)..];
            at = span.IndexOfAnyInRange('\ud800', '\udfff');
        }

        return null;
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "A resolver failed unexpectedly at {Coordinate} (trace {TraceId}); the caller got INTERNAL_SERVER_ERROR")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string coordinate, string? traceId);
}
