using System.Text.Json;
using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Validation;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.Hosting.Tests.Schemas;

namespace Federation.Subgraphs.Hosting.Tests.Federation;

/// <summary>A subgraph built from SDL checks identifiers with the agency scalars before any resolver runs.</summary>
public sealed class SubgraphScalarsTests
{
    [Theory]
    [InlineData("population", """{ person(idNumber: "110101199003074475") { __typename } }""", "IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).")]
    [InlineData("population", """{ personsByIdNumbers(idNumbers: ["110101199003074477", "110101199002300012"]) { __typename } }""", "IdNumber birth date 19900230 is not a calendar date (GB 11643).")]
    [InlineData("legal-persons", """{ legalPerson(creditCode: "91440300708461136A") { __typename } }""", "CreditCode check character is A, expected T (GB 32100, MOD 31).")]
    [InlineData("spatial", """{ division(code: "160000") { __typename } }""", "DivisionCode province 16 is not a province of GB/T 2260.")]
    [InlineData("spatial", """{ divisions(parent: "110001") { __typename } }""", "DivisionCode 110001 has a county part without a prefecture part (GB/T 2260).")]
    [InlineData("licences", """{ licences(filter: { holderIdNumber: "110101199003074475" }) { totalCount } }""", "IdNumber check digit is 5, expected 7 (GB 11643, ISO 7064 MOD 11-2).")]
    [InlineData("licences", """{ licences(filter: { holderCreditCode: "91440300708461136A" }) { totalCount } }""", "CreditCode check character is A, expected T (GB 32100, MOD 31).")]
    [InlineData("licences", """{ licences(filter: { updatedSince: "2024-05-01T08:30:00-00:00" }) { totalCount } }""", "DateTime 2024-05-01T08:30:00-00:00 has the unknown local offset -00:00, which this scalar refuses.")]
    public void An_invalid_identifier_fails_validation_with_the_scalars_rule(string name, [StringSyntax("graphql")] string query, string message)
    {
        var subgraph = Subgraph.FromSdl(AgencySchemas.Read(name));

        Assert.Equal([message], Validate(subgraph.Schema, query));
    }

    [Theory]
    [InlineData("population", """{ person(idNumber: "110101199003074477") { __typename } }""")]
    [InlineData("population", """{ personsByIdNumbers(idNumbers: ["11010519491231002x"]) { __typename } }""")]
    [InlineData("legal-persons", """{ legalPerson(creditCode: "91440300708461136T") { __typename } }""")]
    [InlineData("spatial", """{ division(code: "330106") { __typename } }""")]
    [InlineData("licences", """{ licences(filter: { holderIdNumber: "110101199003074477", holderCreditCode: "91350100M000100Y43", updatedSince: "2024-05-01T08:30:00+08:00" }) { totalCount } }""")]
    public void A_valid_identifier_passes_validation(string name, [StringSyntax("graphql")] string query)
    {
        var subgraph = Subgraph.FromSdl(AgencySchemas.Read(name));

        Assert.Empty(Validate(subgraph.Schema, query));
    }

    [Theory]
    [MemberData(nameof(AgencySchemaTests.Names), MemberType = typeof(AgencySchemaTests))]
    public void Every_declared_agency_scalar_is_implemented_and_the_service_sdl_is_as_written(string name)
    {
        var sdl = AgencySchemas.Read(name);
        var subgraph = Subgraph.FromSdl(sdl);

        var declared = Parser.Parse(sdl).Definitions.OfType<ScalarTypeDefinitionNode>().ToList();
        Assert.NotEmpty(declared);
        foreach (var scalar in declared)
        {
            var implemented = subgraph.Schema.GetType(scalar.Name.Value)!;
            Assert.Equal(AgencyScalars.All().Single(s => s.Name == scalar.Name.Value).GetType(), implemented.GetType());

            // The implementation stands in for the SDL's definition, so introspection shows its description.
            Assert.Equal(scalar.Description?.Value, implemented.Description);
        }

        Assert.Same(sdl, subgraph.Sdl);
    }

    [Fact]
    public async Task The_service_sdl_of_a_real_schema_is_as_written()
    {
        var sdl = AgencySchemas.Read("population");
        var result = await SubgraphHarness.ExecuteAsync(Subgraph.FromSdl(sdl), "{ _service { sdl } }");

        SubgraphHarness.AssertJson(JsonSerializer.Serialize(new { data = new { _service = new { sdl } } }), result);
    }

    [StringSyntax("graphql")]
    private const string ColourSdl = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

        scalar Colour
        scalar IdNumber

        type Query {
          paint(colour: Colour!): Colour
          person(idNumber: IdNumber!): String
        }
        """;

    [Fact]
    public void A_scalar_without_an_implementation_passes_values_through()
    {
        var subgraph = Subgraph.FromSdl(ColourSdl);

        Assert.Equal(typeof(ScalarType), subgraph.Schema.GetType("Colour")!.GetType());
        Assert.Empty(Validate(subgraph.Schema, """{ paint(colour: "anything at all") }"""));
        Assert.Empty(Validate(subgraph.Schema, """{ paint(colour: 42) }"""));
        Assert.IsType<IdNumberScalar>(subgraph.Schema.GetType("IdNumber"));
    }

    [Fact]
    public void Supplied_scalars_implement_their_names_and_replace_an_agency_scalar_of_the_same_name()
    {
        var subgraph = Subgraph.FromSdl(ColourSdl, scalars: [new HexColour(), new ScalarType("IdNumber")]);

        Assert.Equal(["Colour #zz is not written #rrggbb."], Validate(subgraph.Schema, """{ paint(colour: "#zz") }"""));
        Assert.Empty(Validate(subgraph.Schema, """{ paint(colour: "#a0b1c2") }"""));
        Assert.Empty(Validate(subgraph.Schema, """{ person(idNumber: "123") }"""));
    }

    private static List<string> Validate(Schema schema, [StringSyntax("graphql")] string query) =>
        DocumentValidator.Validate(schema, Parser.Parse(query)).Select(e => e.Message).ToList();

    private sealed class HexColour() : ScalarType("Colour")
    {
        public override object? ParseLiteral(ValueNode literal) =>
            literal is StringValueNode { Value: { Length: 7 } text } && text[0] == '#' && IsHex(text)
                ? text
                : throw new GraphQLException(new GraphQLError($"Colour {(literal as StringValueNode)?.Value} is not written #rrggbb."));

        private static bool IsHex(string text)
        {
            foreach (var c in text.AsSpan(1))
            {
                if (!char.IsAsciiHexDigitLower(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
