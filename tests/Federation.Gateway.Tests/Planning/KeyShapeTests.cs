using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Key shapes over a land and vehicle register: composite and nested keys both ways, references
/// with <c>resolvable: false</c> (answered from the key alone, or resolved by the owner), an
/// entity with two keys reached through the one each referring subgraph gives, parent-entity
/// chains, and null references left unfetched. Each plan in its snapshot, and every operation run end to end.
/// </summary>
public sealed class KeyShapeTests
{
    private static readonly FederatedGraph Register = FederatedGraph.Compose(
        ("registry", """
            type Query { plots: [Plot] vehicles: [Vehicle] schools: [School] }
            type Plot @key(fields: "district number") { district: String! number: Int! area: Int owner: Owner }
            type Vehicle @key(fields: "plate { region serial }") { plate: Plate! model: String }
            type Plate @shareable { region: String! serial: String! }
            type School { name: String division: Division }
            type Division @key(fields: "code", resolvable: false) { code: ID! }
            type Owner @key(fields: "idNumber", resolvable: false) { idNumber: ID! }
            """),
        ("valuation", """
            type Query { mostValuable: Plot }
            type Plot @key(fields: "district number") { district: String! number: Int! value: Int assessor: Owner }
            type Vehicle @key(fields: "plate { region serial }") { plate: Plate! insured: Boolean }
            type Plate @shareable { region: String! serial: String! }
            type Owner @key(fields: "staffNo", resolvable: false) { staffNo: ID! }
            """),
        ("owners", """
            type Owner @key(fields: "idNumber") @key(fields: "staffNo") { idNumber: ID! staffNo: ID! name: String }
            """),
        ("divisions", """
            type Division @key(fields: "code") { code: ID! name: String province: Province }
            type Province @key(fields: "code", resolvable: false) { code: ID! }
            """),
        ("provinces", """
            type Province @key(fields: "code") { code: ID! governor: String }
            """));

    [Fact]
    public void A_composite_key_sends_both_fields() => Register.ExpectPlan(
        """{ plots { area value } }""");

    [Fact]
    public void A_composite_key_the_other_way() => Register.ExpectPlan(
        """{ mostValuable { value area } }""");

    [Fact]
    public void A_composite_key_whose_fields_the_client_does_not_ask() => Register.ExpectPlan(
        """{ plots { value } }""");

    [Fact]
    public void A_nested_key_sends_the_nested_object() => Register.ExpectPlan(
        """{ vehicles { model insured } }""");

    [Fact]
    public void A_nested_key_beside_the_client_selection_of_part_of_it() => Register.ExpectPlan(
        """{ vehicles { plate { region } insured } }""");

    [Fact]
    public void A_non_resolvable_reference_answers_its_key_without_a_fetch() => Register.ExpectPlan(
        """{ schools { name division { code } } }""");

    [Fact]
    public void A_non_resolvable_reference_is_resolved_by_the_owner() => Register.ExpectPlan(
        """{ schools { division { name } } }""");

    [Fact]
    public void A_parent_entity_chain_through_three_subgraphs() => Register.ExpectPlan(
        """{ schools { name division { name province { code governor } } } }""");

    [Fact]
    public void An_entity_with_two_keys_reached_by_the_first() => Register.ExpectPlan(
        """{ plots { owner { name staffNo } } }""");

    [Fact]
    public void An_entity_with_two_keys_reached_by_the_second() => Register.ExpectPlan(
        """{ plots { assessor { name idNumber } } }""");

    [Fact]
    public void Both_keys_of_one_entity_in_one_operation() => Register.ExpectPlan(
        """{ plots { number owner { name } assessor { name } } }""");

    [Fact]
    public async Task Every_key_shape_end_to_end()
    {
        await using var running = await Register.StartAsync(Bindings());

        Assert.Equal(
            """{"data":{"plots":[{"area":300,"value":9000},{"area":120,"value":1200}]}}""",
            await running.RunAsync("""{ plots { area value } }"""));
        Assert.Equal(
            """{"data":{"mostValuable":{"value":9000,"area":300}}}""",
            await running.RunAsync("""{ mostValuable { value area } }"""));
        Assert.Equal(
            """{"data":{"plots":[{"value":9000},{"value":1200}]}}""",
            await running.RunAsync("""{ plots { value } }"""));
        Assert.Equal(
            """{"data":{"vehicles":[{"model":"Hongqi","insured":true},{"model":"BYD","insured":false}]}}""",
            await running.RunAsync("""{ vehicles { model insured } }"""));
        Assert.Equal(
            """{"data":{"vehicles":[{"plate":{"region":"Zhe A"},"insured":true},{"plate":{"region":"Zhe B"},"insured":false}]}}""",
            await running.RunAsync("""{ vehicles { plate { region } insured } }"""));
        Assert.Equal(
            """{"data":{"schools":[{"name":"No. 1 Middle School","division":{"code":"330106"}},{"name":"Village School","division":null}]}}""",
            await running.RunAsync("""{ schools { name division { code } } }"""));
        Assert.Equal(
            """{"data":{"schools":[{"division":{"name":"Xihu"}},{"division":null}]}}""",
            await running.RunAsync("""{ schools { division { name } } }"""));
        Assert.Equal(
            """{"data":{"schools":[{"name":"No. 1 Middle School","division":{"name":"Xihu","province":{"code":"33","governor":"Wang"}}},{"name":"Village School","division":null}]}}""",
            await running.RunAsync("""{ schools { name division { name province { code governor } } } }"""));
        Assert.Equal(
            """{"data":{"plots":[{"owner":{"name":"Chen Jie","staffNo":"S-7"}},{"owner":null}]}}""",
            await running.RunAsync("""{ plots { owner { name staffNo } } }"""));
        Assert.Equal(
            """{"data":{"plots":[{"assessor":{"name":"Chen Jie","idNumber":"330106198001010011"}},{"assessor":{"name":"Lin Yu","idNumber":"330106199002020022"}}]}}""",
            await running.RunAsync("""{ plots { assessor { name idNumber } } }"""));
        Assert.Equal(
            """{"data":{"plots":[{"number":4,"owner":{"name":"Chen Jie"},"assessor":{"name":"Chen Jie"}},{"number":9,"owner":null,"assessor":{"name":"Lin Yu"}}]}}""",
            await running.RunAsync("""{ plots { number owner { name } assessor { name } } }"""));

        // A null reference is not looked up: no representation with a null key reached the divisions subgraph.
        Assert.NotEmpty(running.Requests["divisions"]);
        Assert.All(running.Requests["divisions"], body => Assert.DoesNotContain("\"code\":null", body, StringComparison.Ordinal));
    }

    private static Dictionary<string, Func<Subgraph, Subgraph>> Bindings()
    {
        var plots = new List<Dictionary<string, object?>>
        {
            Map(("district", "Xihu"), ("number", 4), ("area", 300), ("owner", Map(("idNumber", "330106198001010011")))),
            Map(("district", "Binjiang"), ("number", 9), ("area", 120), ("owner", null)),
        };
        var people = new List<Dictionary<string, object?>>
        {
            Map(("idNumber", "330106198001010011"), ("staffNo", "S-7"), ("name", "Chen Jie")),
            Map(("idNumber", "330106199002020022"), ("staffNo", "S-8"), ("name", "Lin Yu")),
        };
        return new()
        {
            ["registry"] = subgraph => subgraph
                .Bind("Query.plots", _ => Value(plots.ToList<object?>()))
                .Bind("Query.vehicles", _ => Value(new List<object?>
                {
                    Map(("plate", Map(("region", "Zhe A"), ("serial", "12345"))), ("model", "Hongqi")),
                    Map(("plate", Map(("region", "Zhe B"), ("serial", "67890"))), ("model", "BYD")),
                }))
                .Bind("Query.schools", _ => Value(new List<object?>
                {
                    Map(("name", "No. 1 Middle School"), ("division", Map(("code", "330106")))),
                    Map(("name", "Village School"), ("division", null)),
                }))
                .Entity("Plot", (representations, _) => Answer(representations.Select(r => (object?)plots.Find(p =>
                    (string)p["district"]! == r.GetString("district") && p["number"]!.ToString() == r.GetString("number")))))
                .Entity("Vehicle", (representations, _) => Answer(representations.Select(r => (object?)Map(
                    ("plate", r["plate"]),
                    ("model", ((IReadOnlyDictionary<string, object?>)r["plate"]!)["region"] is "Zhe A" ? "Hongqi" : "BYD"))))),
            ["valuation"] = subgraph => subgraph
                .Bind("Query.mostValuable", _ => Value(Map(("district", "Xihu"), ("number", 4))))
                .Entity("Plot", (representations, _) => Echo(representations))
                .Bind("Plot.value", c => Value(NeedText(c, "district") == "Xihu" ? 9000 : 1200))
                .Bind("Plot.assessor", c => Value(Map(("staffNo", NeedText(c, "district") == "Xihu" ? "S-7" : "S-8"))))
                .Entity("Vehicle", (representations, _) => Echo(representations))
                .Bind("Vehicle.insured", c => Value(NeedObject(c, "plate")["serial"] is "12345")),
            ["owners"] = subgraph => subgraph
                .Entity("Owner", (representations, _) => Answer(representations.Select(r => (object?)people.Find(p =>
                    r.KeyFields == "idNumber" ? (string)p["idNumber"]! == r.GetString("idNumber") : (string)p["staffNo"]! == r.GetString("staffNo"))))),
            ["divisions"] = subgraph => subgraph
                .Entity("Division", (representations, _) => Answer(representations.Select(r => (object?)(r.GetString("code") == "330106"
                    ? Map(("code", "330106"), ("name", "Xihu"), ("province", Map(("code", "33"))))
                    : null)))),
            ["provinces"] = subgraph => subgraph
                .Entity("Province", (representations, _) => Answer(representations.Select(r => (object?)(r.GetString("code") == "33"
                    ? Map(("code", "33"), ("governor", "Wang"))
                    : null)))),
        };
    }
}
