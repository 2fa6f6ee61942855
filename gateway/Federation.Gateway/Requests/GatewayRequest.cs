using System.Diagnostics;
using System.Runtime.CompilerServices;
using Federation.Gateway.Authentication;
using Federation.GraphQL;
using Federation.GraphQL.AspNetCore.Engine;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.Protocol.Signing;
using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Requests;

/// <summary>
/// One request, the one context every stage of the pipeline reads and writes (DESIGN.md, "One
/// request, one pipeline"). Made once at the endpoint — its <c>CreateContext</c> makes it with what
/// HTTP admission knows (the caller the gate admitted, the purpose headers, plan inspection), and
/// <see cref="Take"/> adds the operation the endpoint parsed, validated and chose — then passed
/// through the stages in order: admission sets the purpose and the coerced variables, authorization
/// the plan key, the row resources and the field access, planning the plan, fetching the merged
/// data, shaping the answer, and recording writes down what happened. Tests and benchmarks make it
/// with the document directly.
/// </summary>
internal sealed class GatewayRequest
{
    private Features features;
    private List<AccessDenial>? denials;

    /// <summary>The context as the endpoint's <c>CreateContext</c> makes it, before the operation is known.</summary>
    public GatewayRequest(GatewayCaller caller, bool exposePlan = false)
    {
        Caller = caller;
        ExposePlan = exposePlan;
        StartedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>When the context was made (<see cref="Stopwatch.GetTimestamp"/>): the record's duration counts from here.</summary>
    public long StartedAt { get; }

    /// <summary>What a stage threw, for the record stages that still run (the record's outcome is <c>Failed</c>); null when none threw.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Whether the record stage could not make the request's record durable and answered <c>AUDIT_UNAVAILABLE</c> instead.</summary>
    public bool Unrecorded { get; set; }

    /// <summary>A context for a document already parsed and validated against the API schema; its operation is chosen here, once.</summary>
    public GatewayRequest(
        DocumentNode document,
        string documentHash,
        string? operationName,
        IReadOnlyDictionary<string, object?>? variables,
        GatewayCaller caller,
        bool exposePlan = false)
        : this(caller, exposePlan)
    {
        var operation = OperationSelection.Get(document, operationName, out var fragments, out var error);
        Take(document, documentHash, operation ?? EmptyOperation, fragments, variables, null);
        OperationError = error;
    }

    /// <summary>The schema the endpoint validated the document against: the served set's, taken once at the request's start.</summary>
    public Schema? Schema { get; set; }

    public DocumentNode Document { get; private set; } = EmptyDocument;

    /// <summary>
    /// Identifies the document as sent: the hash of its text (<c>QueryPlanCache.Hash</c>). Plans are keyed
    /// by <see cref="PlanKey"/>, which authorization extends when it removes fields — else a caller could
    /// get the plan made for another caller's fields.
    /// </summary>
    public string DocumentHash { get; private set; } = "";

    /// <summary>The operation to run, chosen once (by the endpoint, or by the constructor that takes a document).</summary>
    public OperationDefinitionNode Operation { get; private set; } = EmptyOperation;

    public string? OperationName => Operation.Name?.Value;

    /// <summary>Why the document has no operation to run (admission answers with it); null when it has one.</summary>
    public GraphQLError? OperationError { get; private set; }

    /// <summary>The document's fragments by name.</summary>
    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; private set; } = NoFragments;

    /// <summary>The variables as parsed from JSON; the subgraphs are sent these.</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; private set; }

    /// <summary>The request's <c>extensions</c> (the purpose may be declared there).</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; private set; }

    /// <summary>The operation with its variables coerced, once, by admission; the engine shapes with it as it is.</summary>
    public PreparedOperation Prepared { get; set; }

    /// <summary>The caller the subgraph requests are signed for: agency, purpose, matter, division.</summary>
    public GatewayCaller Caller { get; set; }

    /// <summary>Whether an operator asked for the plan (<c>QueryPlanInspection</c>): the answer carries it, the response the stage timings.</summary>
    public bool ExposePlan { get; }

    /// <summary>The authenticated caller; null for a request without a token.</summary>
    public Caller? Identity { get; init; }

    /// <summary>The purpose the request declares (header or <c>extensions</c>); null when it declares none. Admission settles it.</summary>
    public StatedPurpose? Purpose { get; set; }

    /// <summary>The purpose and matter headers as sent; admission reads them with <c>extensions</c>.</summary>
    public PurposeDeclaration? DeclaredInHeaders { get; init; }

    /// <summary>The HTTP exchange, when the request came through the endpoint; the record stage adds its headers to the response.</summary>
    public HttpContext? Http { get; init; }

    /// <summary>The plan cache key of the document as planned: <see cref="DocumentHash"/> unless authorization removes or scopes fields.</summary>
    public string PlanKey { get; set; } = "";

    /// <summary>The row-scoped resources the caller may read; each subgraph client sends its agency's only.</summary>
    public IReadOnlyList<string> RowResources { get; set; } = [];

    /// <summary>What authorization decided per field; null when every field is served as asked.</summary>
    public IFieldAccess? FieldAccess { get; set; }

    /// <summary>The answer; set by the stage that makes it (shaping) or by one that refuses the request.</summary>
    public GatewayResult? Answer { get; private set; }

    /// <summary>The denials of this request, in the order they were made, for the record.</summary>
    public IReadOnlyList<AccessDenial> Denials => denials is null ? [] : denials;

    /// <summary>How long each step took.</summary>
    public ref StageTimings Timings => ref timings;

    private StageTimings timings;

    /// <summary>The operation the endpoint admitted, taken into the context the endpoint's <c>CreateContext</c> made; <paramref name="documentHash"/> is its text's hash.</summary>
    public void Take(OperationRequest request, string documentHash) =>
        Take(request.Document, documentHash, request.Operation, request.Fragments, request.Variables, request.Extensions);

    /// <summary>Answers the request; the stages after this one, but the record's, do not run.</summary>
    public void Answered(GatewayResult answer) => Answer = answer;

    /// <summary>Notes a denial for the record. Shaping may note them from concurrent resolvers.</summary>
    public void Denied(AccessDenial denial)
    {
        var list = denials ?? Interlocked.CompareExchange(ref denials, [], null) ?? denials!;
        lock (list)
        {
            list.Add(denial);
        }
    }

    /// <summary>A stage's outcome for the stages after it, by its type (one of each type per request).</summary>
    public void Set<T>(T value)
        where T : class
    {
        for (var i = 0; i < Features.Capacity; i++)
        {
            if (features.Slots[i] is null || features.Slots[i] is T)
            {
                features.Slots[i] = value;
                return;
            }
        }

        throw new InvalidOperationException($"A request holds at most {Features.Capacity} stage outcomes.");
    }

    /// <summary>The outcome of type <typeparamref name="T"/> an earlier stage left; null when none did.</summary>
    public T? Get<T>()
        where T : class
    {
        for (var i = 0; i < Features.Capacity; i++)
        {
            if (features.Slots[i] is T found)
            {
                return found;
            }
        }

        return null;
    }

    private void Take(
        DocumentNode document,
        string documentHash,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        IReadOnlyDictionary<string, object?>? variables,
        IReadOnlyDictionary<string, object?>? extensions)
    {
        Document = document;
        DocumentHash = documentHash;
        PlanKey = documentHash;
        Operation = operation;
        Fragments = fragments;
        Variables = variables;
        Extensions = extensions;
    }

    private static readonly OperationDefinitionNode EmptyOperation = new(OperationType.Query, null, [], [], new SelectionSetNode([]));
    private static readonly DocumentNode EmptyDocument = new([]);
    private static readonly IReadOnlyDictionary<string, FragmentDefinitionNode> NoFragments = new Dictionary<string, FragmentDefinitionNode>();

    /// <summary>The stage outcomes, held inline: a request allocates no table for them.</summary>
    private struct Features
    {
        public const int Capacity = 4;

        public Slots Slots;
    }

    [InlineArray(Features.Capacity)]
    private struct Slots
    {
        private object? first;
    }
}
