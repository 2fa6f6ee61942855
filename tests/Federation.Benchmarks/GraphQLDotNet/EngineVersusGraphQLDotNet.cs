using System.Buffers;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Tests.Differential;
using Federation.GraphQL.Validation;
using GraphQLParser.AST;
using DotNet = global::GraphQL;

namespace Federation.Benchmarks.GraphQLDotNet;

/// <summary>
/// Our engine and GraphQL.NET 8.8.5 side by side on the engine benchmark's workloads: the same
/// schema (Workloads/schema.graphql, built schema-first in GraphQL.NET), the same root value
/// (the same dictionaries, read by field name; abstract types by <c>__typename</c>), the same
/// document and variables, each stage as the engine's own request path runs it:
/// parse (ours: <c>Parser.Parse</c>; GraphQL.NET: <c>GraphQLDocumentBuilder.Build</c>, what its
/// <c>DocumentExecuter</c> calls), validate (the specified rules; GraphQL.NET's
/// <c>DocumentValidator</c> with its core rules, which also coerces the variables), execute with
/// the result written as UTF-8 JSON (GraphQL.NET: <c>DocumentExecuter</c> on the parsed document
/// with no validation rules, then its System.Text.Json serializer), and all three. Benchmarks of
/// one stage are declared ours-then-theirs so the two alternate within a run; compare-graphql-dotnet.sh
/// repeats the run and takes medians. Setup checks that both engines produce the same data.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class EngineVersusGraphQLDotNet
{
    private static readonly DotNet.IDocumentExecuter Executer = new DotNet.DocumentExecuter();
    private static readonly DotNet.Execution.GraphQLDocumentBuilder DocumentBuilder = new();
    private static readonly DotNet.Validation.DocumentValidator Validator = new();
    private static readonly DotNet.SystemTextJson.GraphQLSerializer Serializer = new();

    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
    private readonly MemoryStream stream = new(64 * 1024);
    private Workload workload = null!;
    private DocumentNode document = null!;
    private DotNet.Types.Schema theirSchema = null!;
    private GraphQLDocument theirDocument = null!;
    private GraphQLOperationDefinition theirOperation = null!;
    private DotNet.Inputs theirVariables = null!;
    private object? theirRoot;

    [Params("KitchenSink", "Introspection")]
    public string Workload { get; set; } = "KitchenSink";

    [GlobalSetup]
    public void Setup()
    {
        workload = Benchmarks.Workload.Get(Workload);
        document = Parser.Parse(workload.Text);
        theirSchema = GraphQLDotNetSchema.Build(File.ReadAllText(Path.Combine(Benchmarks.Workload.Directory, "schema.graphql")), ResolveByName);
        theirSchema.Initialize();
        theirRoot = WholeNumbersAsInt(Benchmarks.Workload.RootValue);
        theirDocument = DocumentBuilder.Build(workload.Text);
        theirOperation = theirDocument.Definitions.OfType<GraphQLOperationDefinition>().Single();
        theirVariables = Workload == "KitchenSink"
            ? Serializer.Deserialize<DotNet.Inputs>(File.ReadAllText(Path.Combine(Benchmarks.Workload.Directory, "kitchen-sink.variables.json")))!
            : DotNet.Inputs.Empty;

        if (OursValidate() > 0 || TheirsValidate() > 0)
        {
            throw new InvalidOperationException($"{Workload} does not validate in one of the engines.");
        }

        OursAll();
        var ours = JsonNode.Parse(output.WrittenSpan)!;
        TheirsAll();
        var theirs = JsonNode.Parse(stream.ToArray())!;
        if (ours["errors"] is not null || theirs["errors"] is not null || !JsonNode.DeepEquals(Comparable(ours["data"]), Comparable(theirs["data"])))
        {
            throw new InvalidOperationException($"{Workload}: the engines answer differently.\nours:        {ours.ToJsonString()[..Math.Min(2000, ours.ToJsonString().Length)]}\nGraphQL.NET: {theirs.ToJsonString()[..Math.Min(2000, theirs.ToJsonString().Length)]}");
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("parse")]
    public DocumentNode OursParse() => Parser.Parse(workload.Text);

    [Benchmark]
    [BenchmarkCategory("parse")]
    public GraphQLDocument TheirsParse() => DocumentBuilder.Build(workload.Text);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("validate")]
    public int OursValidate() => DocumentValidator.Validate(Benchmarks.Workload.Schema, document).Count;

    [Benchmark]
    [BenchmarkCategory("validate")]
    public int TheirsValidate() => Wait(Validator.ValidateAsync(new DotNet.Validation.ValidationOptions
    {
        Schema = theirSchema,
        Document = theirDocument,
        Operation = theirOperation,
        Variables = theirVariables,
        Rules = DotNet.Validation.DocumentValidator.CoreRules,
    })).Errors.Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("execute")]
    public int OursExecute()
    {
        output.ResetWrittenCount();
        Execute(document).WriteTo(output);
        return output.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory("execute")]
    public long TheirsExecute() => TheirsWrite(Wait(Executer.ExecuteAsync(new DotNet.ExecutionOptions
    {
        Schema = theirSchema,
        Document = theirDocument,
        Variables = theirVariables,
        Root = theirRoot,
        ValidationRules = [],
        ThrowOnUnhandledException = true,
    })));

    /// <summary>The whole request: parse + validate + execute, as a server does it without a document cache.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("all")]
    public int OursAll()
    {
        var parsed = Parser.Parse(workload.Text);
        DocumentValidator.Validate(Benchmarks.Workload.Schema, parsed);
        output.ResetWrittenCount();
        Execute(parsed).WriteTo(output);
        return output.WrittenCount;
    }

    [Benchmark]
    [BenchmarkCategory("all")]
    public long TheirsAll() => TheirsWrite(Wait(Executer.ExecuteAsync(new DotNet.ExecutionOptions
    {
        Schema = theirSchema,
        Query = workload.Text,
        Variables = theirVariables,
        Root = theirRoot,
        ThrowOnUnhandledException = true,
    })));

    /// <summary>The field resolver of every object field: the parent dictionary's member of the field's name, as our default resolver reads it.</summary>
    private static object? ResolveByName(DotNet.IResolveFieldContext context) =>
        context.Source is IReadOnlyDictionary<string, object?> parent && parent.TryGetValue(context.FieldDefinition.Name, out var value) ? value : null;

    /// <summary>
    /// The same data with whole numbers as int: our root value holds JSON numbers as double, which
    /// our Int accepts when whole; GraphQL.NET's Int serializes int and long only.
    /// </summary>
    private static object? WholeNumbersAsInt(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> members => members.ToDictionary(m => m.Key, m => WholeNumbersAsInt(m.Value)),
        IReadOnlyList<object?> items => items.Select(WholeNumbersAsInt).ToList(),
        double number when number == Math.Floor(number) && Math.Abs(number) <= int.MaxValue => (int)number,
        _ => value,
    };

    /// <summary>
    /// The data to compare: as is for the kitchen sink; for introspection the set of type names,
    /// since GraphQL.NET lists the types in another order (both orders are allowed).
    /// </summary>
    private JsonNode? Comparable(JsonNode? data) => Workload == "Introspection"
        ? new JsonArray(data!["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToArray())
        : data;

    private long TheirsWrite(DotNet.ExecutionResult result)
    {
        stream.SetLength(0);
        Wait(Serializer.WriteAsync(stream, result));
        return stream.Length;
    }

    private ExecutionResult Execute(DocumentNode operation) => Wait(Executor.ExecuteAsync(new ExecutionRequest
    {
        Schema = Benchmarks.Workload.Schema,
        Document = operation,
        Variables = workload.Variables,
        RootValue = Benchmarks.Workload.RootValue,
    }));

    // Every resolver here is synchronous, so the result is ready; GetResult keeps it honest if not.
    private static T Wait<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    private static T Wait<T>(Task<T> pending) => pending.GetAwaiter().GetResult();

    private static void Wait(Task pending) => pending.GetAwaiter().GetResult();
}
