using BenchmarkDotNet.Attributes;
using Federation.GraphQL.Adversarial;
using Federation.GraphQL.AspNetCore.Limits;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.Building;
using Federation.GraphQL.Validation;

namespace Federation.Benchmarks;

/// <summary>
/// What the endpoint does with a hostile document before execution — parse, validate, cost and
/// depth — for each adversarial document (the tests' own), with the parser's limits opened so
/// that every pass sees the whole document. The slowest one is the price of the worst 1 KB–60 KB
/// request an attacker can send.
/// </summary>
[MemoryDiagnoser]
public class AdversarialBenchmarks
{
    private static readonly SchemaShape Shape = new("Query", "person(id: 1)", "Person", "friends", "name");

    private Schema schema = null!;
    private CostAnalyzer analyzer = null!;
    private string text = "";

    [ParamsSource(nameof(Names))]
    public string Document { get; set; } = "";

    public static IEnumerable<string> Names() => AdversarialDocuments.All(Shape).Select(d => d.Name);

    [GlobalSetup]
    public void Setup()
    {
        schema = SchemaBuilder.FromDocument(Parser.Parse(CostDirectives.Sdl + """

            type Query { person(id: ID!): Person }
            type Person { id: ID! name: String friends: [Person] @listSize(assumedSize: 20) }
            """, ParserOptions.Unlimited));
        analyzer = new CostAnalyzer(schema, 10, 3, maxDepth: 32);
        text = AdversarialDocuments.All(Shape).First(d => d.Name == Document).Text;
    }

    [Benchmark]
    public double Admit()
    {
        var document = Parser.Parse(text, ParserOptions.Unlimited);
        DocumentValidator.Validate(schema, document, CancellationToken.None);
        var operation = (OperationDefinitionNode)document.Definitions.First(d => d is OperationDefinitionNode);
        return analyzer.Analyze(document, operation, null, CancellationToken.None).Cost;
    }
}
