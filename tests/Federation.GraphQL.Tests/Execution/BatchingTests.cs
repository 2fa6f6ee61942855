using System.Collections.Concurrent;
using Federation.GraphQL.Execution;
using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>The batch loader hook: loads made while the executor has nothing else to run go out in one fetch.</summary>
public sealed class BatchingTests
{
    private const string Sdl = """
        type Query { users: [User] }
        type User { id: Int friend: User name: String }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_list_of_a_hundred_objects_fetches_once_per_level(bool asyncFetch)
    {
        var fetches = new ConcurrentQueue<int>();
        var schema = Schema(Sdl);
        schema.Bind("Query.users", _ =>
        {
            var users = new object?[100];
            for (var i = 0; i < users.Length; i++)
            {
                users[i] = Map(("id", i), ("name", "u" + i));
            }

            return new(users);
        });
        schema.Bind("User.friend", async context =>
        {
            var id = (int)((IReadOnlyDictionary<string, object?>)context.Source!)["id"]!;
            var loader = context.Batch<int, object?>("users", async keys =>
            {
                fetches.Enqueue(keys.Count);
                if (asyncFetch)
                {
                    await Task.Delay(5);
                }

                var found = new Dictionary<int, object?>();
                foreach (var key in keys)
                {
                    found[key] = Map(("id", key), ("name", "u" + key));
                }

                return found;
            });
            return await loader.LoadAsync(id + 1000);
        });

        var result = await Execute(schema, "{ users { id friend { name friend { name } } } }");

        Assert.Empty(result.Errors);
        Assert.Equal([100, 100], fetches);
        var users = (object?[])result.ToData()!["users"]!;
        Assert.Equal(100, users.Length);
        var last = (IReadOnlyDictionary<string, object?>)users[99]!;
        var friend = (IReadOnlyDictionary<string, object?>)last["friend"]!;
        Assert.Equal("u1099", friend["name"]);
        Assert.Equal("u2099", ((IReadOnlyDictionary<string, object?>)friend["friend"]!)["name"]);
    }

    [Fact]
    public async Task Keys_are_fetched_once_per_request()
    {
        var fetched = new List<int>();
        var schema = Schema("type Query { a: String b: String c: String }");
        foreach (var (field, key) in new[] { ("a", 1), ("b", 1), ("c", 2) })
        {
            schema.Bind("Query." + field, async context => await context.Batch<int, string>("names", keys =>
            {
                fetched.AddRange(keys);
                var found = new Dictionary<int, string>();
                foreach (var k in keys)
                {
                    found[k] = "n" + k;
                }

                return new ValueTask<IReadOnlyDictionary<int, string>>(found);
            }).LoadAsync(key));
        }

        var result = await Execute(schema, "{ a b c }");

        Assert.Equal("""{"data":{"a":"n1","b":"n1","c":"n2"}}""", result.ToJson());
        Assert.Equal([1, 2], fetched);
    }

    [Fact]
    public async Task A_failed_fetch_is_a_field_error_for_each_load()
    {
        var schema = Schema("type Query { a: String b: String }");
        FieldResolver load = async context => await context.Batch<string, string>("x", _ => throw new InvalidOperationException("source down")).LoadAsync(context.FieldName);
        schema.Bind("Query.a", load).Bind("Query.b", load);

        var result = await Execute(schema, "{ a b }");

        Assert.Equal(
            """{"errors":[{"message":"source down","locations":[{"line":1,"column":3}],"path":["a"]},{"message":"source down","locations":[{"line":1,"column":5}],"path":["b"]}],"data":{"a":null,"b":null}}""",
            result.ToJson());
    }
}
