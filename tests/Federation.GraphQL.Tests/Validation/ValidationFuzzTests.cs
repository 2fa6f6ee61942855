using System.Diagnostics;
using Federation.GraphQL.Introspection;
using Federation.GraphQL.Language;
using Federation.GraphQL.Tests.Language;
using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation;

/// <summary>
/// Random and mutated documents through the parser and then the validator: whatever the input,
/// parsing either fails with a syntax error or gives a tree that validation answers with a list of
/// errors, never an exception, within a time bound.
/// </summary>
public sealed class ValidationFuzzTests
{
    private const int Seed = 20_251_121;
    private const int RequiredDocuments = 100_000;
    private static readonly TimeSpan s_timeBound = TimeSpan.FromSeconds(90);

    private static readonly IReadOnlyList<string> s_corpus =
    [
        """
        query Q($id: ID, $withPets: Boolean = true, $command: DogCommand!) @onQuery {
          human(id: $id) { name pets @include(if: $withPets) { ...PetName ... on Dog { barks mother { name } } } relatives { name } }
          dog { doesKnowCommand(dogCommand: $command) isHouseTrained(atOtherHomes: false) isAtLocation(x: 1, y: 2) }
          catOrDog { ... on Cat { meows furColor } ... on Dog { barkVolume } __typename }
          __type(name: "Dog") { fields { name } }
        }
        fragment PetName on Pet { name }
        """,
        """
        {
          complicatedArgs {
            complexArgField(complexArg: { requiredField: true, intField: 3, stringListField: ["a", null] })
            oneOfArgField(oneOfArg: { intField: 1 })
            multipleReqs(req1: 1, req2: 2)
            enumArgField(enumArg: BROWN)
            floatArgField(floatArg: 1.5e3)
            stringListNonNullArgField(stringListNonNullArg: "one")
          }
        }
        """,
        """
        { someBox { ... on IntBox { scalar deepBox { unrelatedField } } ... on StringBox { scalar listStringBox { scalar } } } }
        """,
        """
        query A { ...F1 dog { ...F2 ...F2 } }
        fragment F1 on QueryRoot { dog { name: nickname } pet { ...F2 } }
        fragment F2 on Pet { name ... on Dog { name @skip(if: false) } }
        fragment F3 on Dog { ...F3 }
        """,
        "subscription S($v: Boolean!) { newDog @include(if: $v) { name } ... on SubscriptionRoot { newCat { name } } }",
        "mutation M($name: String!) { createDog(name: $name) @stream { name } renameDog(id: 1, name: null) { name } }",
        "query ($a: Int, $b: [String!]! = [\"x\"], $c: OneOfInput) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $a) stringListArgField(stringListArg: $b) oneOfArgField(oneOfArg: $c) } }",
        "{ dog { ... @defer(label: \"a\") { name } } pets @stream(initialCount: 1) { name } }",
        "type Cow { name: String } extend type Dog { color: String } schema { query: QueryRoot }",
        IntrospectionQuery.Text,
    ];

    [Fact]
    public void Validation_answers_every_parsed_document_with_errors_only()
    {
        var schema = TestSchema.Schema;
        var mutator = new DocumentMutator(s_corpus, new Random(Seed));
        var clock = Stopwatch.StartNew();
        var documents = 0;
        var validated = 0;
        var valid = 0;
        while (documents < RequiredDocuments && clock.Elapsed < s_timeBound)
        {
            var document = mutator.Next();
            documents++;
            try
            {
                var tree = Parser.Parse(document);
                validated++;
                if (DocumentValidator.Validate(schema, tree).Count == 0)
                {
                    valid++;
                }
            }
            catch (GraphQLException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Document #{documents} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n{document}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Fuzzed {documents} documents ({validated} parsed, {valid} valid) in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(documents >= RequiredDocuments, $"Only {documents} documents in {s_timeBound.TotalSeconds} s");
        Assert.InRange(validated, documents / 100, documents);
        Assert.InRange(valid, 1, validated - 1);
    }
}
