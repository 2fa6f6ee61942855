using Federation.Subgraphs.Hosting;
using static Federation.Gateway.Tests.Planning.ShapeData;

namespace Federation.Gateway.Tests.Planning;

/// <summary>
/// Entity batching over a timetable: the entities of a list, of a list in a list, and of two
/// positions are fetched in one request per step, duplicates and null references included. Each
/// plan in a snapshot, and every operation run end to end counting the requests each subgraph gets.
/// </summary>
public sealed class EntityBatchingShapeTests
{
    private static readonly FederatedGraph Timetable = FederatedGraph.Compose(
        ("timetable", """
            type Query { departures: [Departure] days: [Day] }
            type Day { date: String departures: [Departure] }
            type Departure { time: String train: Train connection: Train }
            type Train @key(fields: "number") { number: ID! }
            """),
        ("trains", """
            type Train @key(fields: "number") { number: ID! destination: String platform: Int }
            """));

    [Fact]
    public void The_entities_of_a_list_in_one_fetch() => Timetable.ExpectPlan(
        """{ departures { time train { destination } } }""");

    [Fact]
    public void The_entities_of_a_list_in_a_list_in_one_fetch() => Timetable.ExpectPlan(
        """{ days { date departures { train { platform } } } }""");

    [Fact]
    public void Two_positions_of_one_entity_type() => Timetable.ExpectPlan(
        """{ departures { train { destination } connection { destination platform } } }""");

    [Fact]
    public void Aliased_entity_fields_in_one_batch() => Timetable.ExpectPlan(
        """{ departures { train { to: destination at: platform } } }""");

    [Fact]
    public async Task Every_batching_shape_end_to_end()
    {
        var trains = new Dictionary<string, Dictionary<string, object?>>
        {
            ["G1"] = Map(("number", "G1"), ("destination", "Beijing"), ("platform", 3)),
            ["D5"] = Map(("number", "D5"), ("destination", "Ningbo"), ("platform", 7)),
        };
        var batches = new List<int>();
        var departures = new List<object?>
        {
            Map(("time", "08:00"), ("train", Map(("number", "G1"))), ("connection", Map(("number", "D5")))),
            Map(("time", "09:00"), ("train", Map(("number", "D5"))), ("connection", null)),
            Map(("time", "10:00"), ("train", Map(("number", "G1"))), ("connection", Map(("number", "G1")))),
        };
        await using var running = await Timetable.StartAsync(new Dictionary<string, Func<Subgraph, Subgraph>>
        {
            ["timetable"] = subgraph => subgraph
                .Bind("Query.departures", _ => Value(departures))
                .Bind("Query.days", _ => Value(new List<object?>
                {
                    Map(("date", "2026-12-07"), ("departures", departures.Take(2).ToList())),
                    Map(("date", "2026-12-08"), ("departures", departures.Skip(2).ToList())),
                }))
                .Entity("Train", (representations, _) => Echo(representations)),
            ["trains"] = subgraph => subgraph
                .Entity("Train", (representations, _) =>
                {
                    lock (batches)
                    {
                        batches.Add(representations.Count);
                    }

                    return Answer(representations.Select(r => (object?)trains.GetValueOrDefault(r.GetString("number")!)));
                }),
        });

        Assert.Equal(
            """{"data":{"departures":[{"time":"08:00","train":{"destination":"Beijing"}},{"time":"09:00","train":{"destination":"Ningbo"}},{"time":"10:00","train":{"destination":"Beijing"}}]}}""",
            await running.RunAsync("""{ departures { time train { destination } } }"""));
        Assert.Equal(
            """{"data":{"days":[{"date":"2026-12-07","departures":[{"train":{"platform":3}},{"train":{"platform":7}}]},{"date":"2026-12-08","departures":[{"train":{"platform":3}}]}]}}""",
            await running.RunAsync("""{ days { date departures { train { platform } } } }"""));
        Assert.Equal(
            """{"data":{"departures":[{"train":{"destination":"Beijing"},"connection":{"destination":"Ningbo","platform":7}},{"train":{"destination":"Ningbo"},"connection":null},{"train":{"destination":"Beijing"},"connection":{"destination":"Beijing","platform":3}}]}}""",
            await running.RunAsync("""{ departures { train { destination } connection { destination platform } } }"""));
        Assert.Equal(
            """{"data":{"departures":[{"train":{"to":"Beijing","at":3}},{"train":{"to":"Ningbo","at":7}},{"train":{"to":"Beijing","at":3}}]}}""",
            await running.RunAsync("""{ departures { train { to: destination at: platform } } }"""));

        // One request per fetch of the plans above (1 + 1 + 2 + 1), never one per entity.
        Assert.Equal(5, batches.Count);
    }
}
