using System.Buffers;
using BenchmarkDotNet.Attributes;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Validation;

namespace Federation.Benchmarks;

/// <summary>
/// Parse, validate and execute (result written as UTF-8 JSON) of the kitchen-sink query and
/// the standard introspection query — the work graphql-js does in bench-graphql-js.mjs.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly ArrayBufferWriter<byte> output = new(64 * 1024);
    private Workload workload = null!;
    private DocumentNode document = null!;

    [Params("KitchenSink", "Introspection")]
    public string Workload { get; set; } = "KitchenSink";

    [GlobalSetup]
    public void Setup()
    {
        workload = Benchmarks.Workload.Get(Workload);
        document = Parser.Parse(workload.Text);
        var errors = DocumentValidator.Validate(Benchmarks.Workload.Schema, document);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"{Workload} does not validate: {errors[0]}");
        }

        var result = Execute(document);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"{Workload} fails: {result.Errors[0]}");
        }
    }

    [Benchmark]
    public DocumentNode Parse() => Parser.Parse(workload.Text);

    [Benchmark]
    public int Validate() => DocumentValidator.Validate(Benchmarks.Workload.Schema, document).Count;

    [Benchmark]
    public int Execute()
    {
        output.ResetWrittenCount();
        Execute(document).WriteTo(output);
        return output.WrittenCount;
    }

    /// <summary>The whole request: parse + validate + execute, as a server does it without a document cache.</summary>
    [Benchmark]
    public int All()
    {
        var parsed = Parser.Parse(workload.Text);
        DocumentValidator.Validate(Benchmarks.Workload.Schema, parsed);
        output.ResetWrittenCount();
        Execute(parsed).WriteTo(output);
        return output.WrittenCount;
    }

    private ExecutionResult Execute(DocumentNode operation)
    {
        var pending = Executor.ExecuteAsync(new ExecutionRequest
        {
            Schema = Benchmarks.Workload.Schema,
            Document = operation,
            Variables = workload.Variables,
            RootValue = Benchmarks.Workload.RootValue,
        });

        // Every resolver here is synchronous, so the result is ready; GetResult keeps it honest if not.
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
