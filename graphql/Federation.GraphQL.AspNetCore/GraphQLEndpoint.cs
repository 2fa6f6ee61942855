using Federation.GraphQL.AspNetCore.Caching;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.AspNetCore.GraphiQL;
using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.AspNetCore.Limits;
using Federation.GraphQL.AspNetCore.TrustedDocuments;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.GraphQL.AspNetCore;

/// <summary>
/// One GraphQL-over-HTTP endpoint (https://graphql.github.io/graphql-over-http/draft/): reads
/// the request, admits it (trusted documents, limits, introspection, cost), runs it through the
/// engine and answers with the status code the spec gives for the negotiated media type.
/// </summary>
internal sealed class GraphQLEndpoint
{
    private readonly Schema schema;
    private readonly GraphQLEndpointOptions options;
    private readonly IGraphQLEngine engine;
    private readonly ParserOptions parserOptions;
    private readonly DocumentCache cache;
    private readonly TrustedDocumentStore trustedDocuments;
    private readonly CostAnalyzer costAnalyzer;
    private readonly TimeoutSources timeouts;

    public GraphQLEndpoint(Schema schema, GraphQLEndpointOptions options, IGraphQLEngine engine)
    {
        this.schema = schema;
        this.options = options;
        this.engine = engine;
        parserOptions = ParserLimits.OptionsFor(options.Limits);
        cache = new DocumentCache(options.DocumentCacheSize);
        trustedDocuments = new TrustedDocumentStore(options.TrustedDocuments);
        timeouts = new TimeoutSources(options.RequestTimeout);
        costAnalyzer = new CostAnalyzer(schema, options.Limits.DefaultListSize, options.Limits.MaxIntrospectionListDepth, options.Limits.MaxDepth);
    }

    public Schema Schema => schema;

    public async Task HandleAsync(HttpContext context)
    {
        var format = ResponseFormat.Json;
        try
        {
            var method = context.Request.Method;
            var isGet = HttpMethods.IsGet(method);
            if (!(isGet && options.AllowGet) && !HttpMethods.IsPost(method))
            {
                await WriteFailureAsync(context, format, RequestFailure.MethodNotAllowed(method, options.AllowGet));
                return;
            }

            var negotiated = MediaTypes.Negotiate(context.Request.Headers.Accept, htmlAllowed: isGet && options.EnableGraphiQL);
            if (negotiated is not { } chosen)
            {
                await WriteFailureAsync(context, format, RequestFailure.NotAcceptable(context.Request.Headers.Accept.ToString()));
                return;
            }

            format = chosen;
            if (format == ResponseFormat.Html)
            {
                if (!context.Request.Query.ContainsKey("query") && !context.Request.Query.ContainsKey("documentId"))
                {
                    await GraphiQLPage.WriteAsync(context, context.Request.PathBase + context.Request.Path, options.GraphiQLHeaders?.Invoke(context));
                    return;
                }

                format = ResponseFormat.Json;
            }

            var (request, failure) = isGet
                ? (RequestReader.FromQueryString(context.Request.Query, out var getFailure), getFailure)
                : await ReadBodyAsync(context);
            if (failure is not null)
            {
                await WriteFailureAsync(context, format, failure);
                return;
            }

            await RunAsync(context, format, request!, isGet);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals while reading the body (its size limit, a broken chunk).
            await WriteFailureAsync(context, format, RequestFailure.BadHttpRequest(exception.StatusCode, exception.Message));
        }
        catch (Exception exception)
        {
            context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger<GraphQLEndpoint>()
                .LogError(exception, "GraphQL request failed");
            if (!context.Response.HasStarted)
            {
                await WriteFailureAsync(context, format, RequestFailure.InternalError());
            }
        }
    }

    private ValueTask<(GraphQLRequest? Request, RequestFailure? Failure)> ReadBodyAsync(HttpContext context)
    {
        if (!MediaTypes.IsJsonRequest(context.Request.ContentType))
        {
            return ValueTask.FromResult<(GraphQLRequest?, RequestFailure?)>((null, RequestFailure.UnsupportedMediaType(context.Request.ContentType)));
        }

        return RequestReader.FromBodyAsync(context.Request, options.Limits.MaxBodyBytes);
    }

    private async Task RunAsync(HttpContext context, ResponseFormat format, GraphQLRequest request, bool isGet)
    {
        // The time limit starts before parsing: validation and cost analysis look at the same
        // token, so neither a slow document nor a client that went away keeps the server busy.
        using var timeout = timeouts.Rent(context.RequestAborted);
        RequestFailure? failure;
        PreparedDocument? prepared;
        OperationDefinitionNode? operation;
        IReadOnlyDictionary<string, FragmentDefinitionNode>? fragments;
        try
        {
            failure = Admit(request, isGet, timeout.Token, out prepared, out operation, out fragments);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            failure = RequestFailure.Timeout(options.RequestTimeout);
            prepared = null;
            operation = null;
            fragments = null;
        }

        if (failure is not null)
        {
            await WriteFailureAsync(context, format, failure);
            return;
        }

        IOperationResult result;
        try
        {
            result = await engine.ExecuteAsync(
                new OperationRequest(schema, prepared!.Text, prepared.Document, operation!, request.Variables, request.Extensions, options.CreateContext?.Invoke(context), context.RequestServices)
                {
                    Fragments = fragments!,
                },
                timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            await WriteFailureAsync(context, format, RequestFailure.Timeout(options.RequestTimeout));
            return;
        }

        var response = context.Response;
        response.StatusCode = result.StatusCode
            ?? (format == ResponseFormat.GraphQLResponse && !result.HasData ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        response.ContentType = MediaTypes.ContentTypeOf(format);
        result.WriteTo(response.BodyWriter);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    /// <summary>Everything between a well-formed request and execution; null when the operation may run.</summary>
    /// <exception cref="OperationCanceledException">The time limit passed or the client went away while validating or costing.</exception>
    private RequestFailure? Admit(GraphQLRequest request, bool isGet, CancellationToken cancellationToken, out PreparedDocument? prepared, out OperationDefinitionNode? operation, out IReadOnlyDictionary<string, FragmentDefinitionNode>? fragments)
    {
        prepared = null;
        operation = null;
        fragments = null;
        var text = trustedDocuments.Resolve(request, out var failure);
        if (failure is not null)
        {
            return failure;
        }

        if (text!.Length > options.Limits.MaxDocumentLength)
        {
            return RequestFailure.DocumentTooLarge(options.Limits.MaxDocumentLength);
        }

        failure = Prepare(text, cancellationToken, out prepared);
        if (failure is not null)
        {
            return failure;
        }

        failure = SelectOperation(prepared!.Document, request.OperationName, out operation, out fragments);
        if (failure is not null)
        {
            return failure;
        }

        // https://graphql.github.io/graphql-over-http/draft/#sec-GET — checked before validation
        // so that a mutation over GET is always answered with 405.
        if (isGet && operation!.Operation != OperationType.Query)
        {
            return RequestFailure.MutationOverGet(operation.Operation);
        }

        if (!prepared.IsValid)
        {
            return RequestFailure.Validation(prepared.ValidationErrors);
        }

        if (!options.EnableIntrospection && IntrospectionGate.FindIntrospection(prepared.Document, operation!) is { } field)
        {
            return RequestFailure.IntrospectionDisabled(field);
        }

        double cost;
        if (operation!.VariableDefinitions.Count == 0 && prepared.CostWithoutVariables is { } known && known.Operation == operation)
        {
            (cost, failure) = (known.Cost, known.Failure);
        }
        else
        {
            var analysis = costAnalyzer.Analyze(prepared.Document, operation, request.Variables, cancellationToken);
            (cost, failure) = (analysis.Cost, analysis.Failure);
            if (operation.VariableDefinitions.Count == 0)
            {
                prepared.CostWithoutVariables = new StaticCost(operation, cost, failure);
            }
        }

        if (failure is not null)
        {
            return failure;
        }

        return cost > options.Limits.MaxCost ? RequestFailure.CostLimitExceeded(cost, options.Limits.MaxCost) : null;
    }

    private RequestFailure? Prepare(string text, CancellationToken cancellationToken, out PreparedDocument? prepared)
    {
        if (cache.TryGet(text, out var cached))
        {
            prepared = cached;
            return null;
        }

        DocumentNode document;
        try
        {
            document = engine.Parse(text, parserOptions);
        }
        catch (GraphQLException exception)
        {
            prepared = null;
            return ParserLimits.Classify(exception.Error, options.Limits);
        }

        // A validation cut short by cancellation throws before anything is cached.
        prepared = new PreparedDocument(text, document, engine.Validate(schema, document, cancellationToken));
        cache.Add(text, prepared);
        return null;
    }

    /// <summary>https://spec.graphql.org/September2025/#GetOperation()</summary>
    private static RequestFailure? SelectOperation(
        DocumentNode document,
        string? operationName,
        out OperationDefinitionNode? operation,
        out IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        operation = OperationSelection.Get(document, operationName, out fragments, out var error);
        return error is null ? null : RequestFailure.OperationNotFound(error.Message);
    }

    private async Task WriteFailureAsync(HttpContext context, ResponseFormat format, RequestFailure failure)
    {
        var response = context.Response;
        response.StatusCode = failure.Status ?? (format == ResponseFormat.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            response.Headers.Allow = failure.Errors[0].Extensions?["code"] is RequestErrorCodes.MutationOverGet || !options.AllowGet ? "POST" : "GET, POST";
        }

        response.ContentType = MediaTypes.ContentTypeOf(format == ResponseFormat.Html ? ResponseFormat.Json : format);
        // A response of errors only, without "data": the engine's own writer, so both read alike.
        new ExecutionResult(failure.Errors).WriteTo(response.BodyWriter);
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
