using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Aliases and fragments across subgraph hops over a business register: one field under two
/// aliases with other arguments, aliased hop fields, named fragments that span two subgraphs and
/// nest, inline fragments without a type condition, and a client alias on a key field the gateway
/// also needs. Each plan in its snapshot, and every operation run end to end.
/// </summary>
public sealed class AliasFragmentShapeTests
{
    private static readonly FederatedGraph Business = FederatedGraph.Compose(
        ("companies", """
            type Query { companies: [Company] company(code: ID!): Company }
            type Company @key(fields: "code") { code: ID! name(lang: String = "zh"): String founded: Int }
            """),
        ("filings", """
            type Company @key(fields: "code") { code: ID! filings(year: Int): [Filing] }
            type Filing { year: Int revenue: Int }
            """));

    [Fact]
    public void One_field_under_two_aliases_with_other_arguments() => Business.ExpectPlan(
        """{ companies { zh: name en: name(lang: "en") } }""");

    [Fact]
    public void One_hop_field_under_two_aliases_with_other_arguments() => Business.ExpectPlan(
        """{ companies { name recent: filings(year: 2025) { revenue } older: filings(year: 2024) { revenue } } }""");

    [Fact]
    public void An_aliased_root_field_with_a_hop() => Business.ExpectPlan(
        """{ first: company(code: "A1") { filings { year } } second: company(code: "B2") { name } }""");

    [Fact]
    public void A_named_fragment_spanning_two_subgraphs() => Business.ExpectPlan(
        """
        { companies { ...Summary } }
        fragment Summary on Company { name founded filings { year revenue } }
        """);

    [Fact]
    public void Nested_named_fragments_across_a_hop() => Business.ExpectPlan(
        """
        query ($code: ID!) { company(code: $code) { ...Outer } }
        fragment Outer on Company { name ...Inner }
        fragment Inner on Company { filings(year: 2025) { ...Figures } }
        fragment Figures on Filing { year revenue }
        """);

    [Fact]
    public void An_inline_fragment_without_a_type_condition_around_a_hop() => Business.ExpectPlan(
        """{ companies { code ... { founded filings { year } } } }""");

    [Fact]
    public void A_client_alias_named_like_a_key_field_the_gateway_needs_is_refused() =>
        Assert.Equal(
            "The response name \"code\" is an alias of name here, and the gateway needs it for code; choose another alias.",
            Business.ExpectRefused("""{ companies { code: name filings { year } } }"""));

    [Fact]
    public async Task Every_alias_and_fragment_shape_end_to_end()
    {
        var companies = new List<Dictionary<string, object?>>
        {
            Map(("code", "A1"), ("founded", 1999)),
            Map(("code", "B2"), ("founded", 2010)),
        };
        await using var running = await Business.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["companies"] = subgraph => subgraph
                .Bind("Query.companies", _ => Value(companies.ToList<object?>()))
                .Bind("Query.company", context => Value(companies.Find(c => (string)c["code"]! == (string)context.Arguments["code"]!)))
                .Bind("Company.name", context => Value(((string)((IReadOnlyDictionary<string, object?>)context.Source!)["code"]!, (string?)context.Arguments["lang"]) switch
                {
                    ("A1", "en") => "Huaxin Trading",
                    ("A1", _) => "华信贸易",
                    (_, "en") => "Lanting Software",
                    _ => "兰亭软件",
                }))
                .Entity("Company", (representations, _) => Answer(representations.Select(r => (object?)companies.Find(c => (string)c["code"]! == r.GetString("code"))))),
            ["filings"] = subgraph => subgraph
                .Entity("Company", (representations, _) => Echo(representations))
                .Bind("Company.filings", context =>
                {
                    var code = NeedText(context, "code");
                    var all = new List<object?>
                    {
                        Map(("year", 2024), ("revenue", code == "A1" ? 100 : 10)),
                        Map(("year", 2025), ("revenue", code == "A1" ? 130 : 12)),
                    };
                    return Value(context.Arguments.GetValueOrDefault("year") is { } year
                        ? all.Where(f => ((Dictionary<string, object?>)f!)["year"]!.Equals(Convert.ToInt32(year))).ToList()
                        : all);
                }),
        });

        Assert.Equal(
            """{"data":{"companies":[{"zh":"华信贸易","en":"Huaxin Trading"},{"zh":"兰亭软件","en":"Lanting Software"}]}}""",
            await running.RunAsync("""{ companies { zh: name en: name(lang: "en") } }"""));
        Assert.Equal(
            """{"data":{"companies":[{"name":"华信贸易","recent":[{"revenue":130}],"older":[{"revenue":100}]},{"name":"兰亭软件","recent":[{"revenue":12}],"older":[{"revenue":10}]}]}}""",
            await running.RunAsync("""{ companies { name recent: filings(year: 2025) { revenue } older: filings(year: 2024) { revenue } } }"""));
        Assert.Equal(
            """{"data":{"first":{"filings":[{"year":2024},{"year":2025}]},"second":{"name":"兰亭软件"}}}""",
            await running.RunAsync("""{ first: company(code: "A1") { filings { year } } second: company(code: "B2") { name } }"""));
        Assert.Equal(
            """{"data":{"companies":[{"name":"华信贸易","founded":1999,"filings":[{"year":2024,"revenue":100},{"year":2025,"revenue":130}]},{"name":"兰亭软件","founded":2010,"filings":[{"year":2024,"revenue":10},{"year":2025,"revenue":12}]}]}}""",
            await running.RunAsync("""{ companies { ...Summary } } fragment Summary on Company { name founded filings { year revenue } }"""));
        Assert.Equal(
            """{"data":{"company":{"name":"兰亭软件","filings":[{"year":2025,"revenue":12}]}}}""",
            await running.RunAsync(
                """
                query ($code: ID!) { company(code: $code) { ...Outer } }
                fragment Outer on Company { name ...Inner }
                fragment Inner on Company { filings(year: 2025) { ...Figures } }
                fragment Figures on Filing { year revenue }
                """,
                """{"code":"B2"}"""));
        Assert.Equal(
            """{"data":{"companies":[{"code":"A1","founded":1999,"filings":[{"year":2024},{"year":2025}]},{"code":"B2","founded":2010,"filings":[{"year":2024},{"year":2025}]}]}}""",
            await running.RunAsync("""{ companies { code ... { founded filings { year } } } }"""));

        // The refused shape reaches no subgraph and answers the coded planning error, no data.
        var before = running.Requests["companies"].Count;
        var refused = await running.RunAsync("""{ companies { code: name filings { year } } }""");
        Assert.Contains("\"code\":\"QUERY_PLANNING_FAILED\"", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\":{", refused, StringComparison.Ordinal);
        Assert.Equal(before, running.Requests["companies"].Count);
    }
}
