using System.Diagnostics;
using Federation.GraphQL.Language;
using Xunit;

namespace Federation.GraphQL.Tests.Language;

/// <summary>
/// Random and mutated documents through the parser: whatever the input, the parser either
/// returns a tree that prints and parses back to itself, or throws a GraphQLSyntaxException.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Seed = 20_251_121;
    private const int RequiredDocuments = 100_000;
    private static readonly TimeSpan s_timeBound = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<string> Corpus { get; } =
    [
        KitchenSink.Query,
        KitchenSink.Schema,
        "{ a }",
        "query Q($id: ID!, $n: Int = 10) { user(id: $id) { ...F friends(first: $n) @include(if: true) { name } } } fragment F on User { id }",
        "mutation { like(input: {id: \"1\", tags: [\"a\", \"b\"], weight: 1.5e3, kind: FAST}) { ok } }",
        "subscription S { events { ... on Click { x y } ... @skip(if: false) { t } } }",
        "\"desc\" type T implements A & B @key(fields: \"id\") { id: ID! list(arg: [Int!]! = [1]): [T] }",
        "extend schema @link(url: \"https://specs.apollo.dev/federation/v2.3\") { query: Q }",
        "directive @d(a: Int = 1 @x) repeatable on FIELD | OBJECT",
        "enum E { A @deprecated(reason: \"\"\"old\"\"\") B } input I { a: [E!] = [A] } union U = | X | Y scalar Date",
        "{ a(s: \"\\u{1F600} \\uD83D\\uDE00 \\n\\t\", b: \"\"\"\n    block\n      text\n  \"\"\") }",
    ];

    [Fact]
    public void Only_syntax_errors_ever_escape_the_parser()
    {
        var mutator = new DocumentMutator(Corpus, new Random(Seed));
        var clock = Stopwatch.StartNew();
        var documents = 0;
        var parsed = 0;
        while (documents < RequiredDocuments && clock.Elapsed < s_timeBound)
        {
            var document = mutator.Next();
            var options = (documents & 1) == 0 ? ParserOptions.Default : ParserOptions.Unlimited;
            documents++;
            try
            {
                var tree = Parser.Parse(document, options);
                parsed++;
                if (parsed % 16 == 0)
                {
                    // A sample of the survivors also goes round the printer.
                    LanguageHarness.ExpectRoundTrip(tree);
                }
            }
            catch (GraphQLSyntaxException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Document #{documents} threw {e.GetType().Name}: {e.Message}\n{Escape(document)}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Fuzzed {documents} documents ({parsed} valid) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(documents >= RequiredDocuments, $"Only {documents} documents in {s_timeBound.TotalSeconds} s");
        Assert.InRange(parsed, documents / 100, documents - (documents / 10));
    }

    private static string Escape(string document)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in document)
        {
            builder.Append(c is >= ' ' and < '\u007f' or '\n' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return builder.ToString();
    }
}
