using BenchmarkDotNet.Attributes;
using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language;

namespace Federation.Benchmarks;

/// <summary>The lexer alone: its allocation column must read zero.</summary>
[MemoryDiagnoser]
public class LexerBenchmarks
{
    private string text = "";

    [Params("KitchenSink", "Introspection")]
    public string Workload { get; set; } = "KitchenSink";

    [GlobalSetup]
    public void Setup() => text = Workload == "Introspection" ? IntrospectionQuery.Text : Benchmarks.Workload.Get(Workload).Text;

    [Benchmark]
    public int Lex()
    {
        var lexer = new Lexer(text);
        var count = 0;
        while (lexer.Next().Kind != TokenKind.EndOfFile)
        {
            count++;
        }

        return count;
    }
}
