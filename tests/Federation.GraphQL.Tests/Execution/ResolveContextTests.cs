using Xunit;

namespace Federation.GraphQL.Tests.Execution;

using static ExecutionHarness;

/// <summary>What a resolver sees of its field.</summary>
public sealed class ResolveContextTests
{
    [Fact]
    public async Task A_resolver_sees_its_field_path_arguments_variables_and_request_context()
    {
        var seen = new List<string>();
        var schema = Schema("type Query { items: [Item] } type Item { label(prefix: String = \"#\"): String }")
            .Bind("Query.items", _ => new(new object?[] { 1, 2 }))
            .Bind("Item.label", context =>
            {
                seen.Add($"{string.Join("/", context.Path)} {context.FieldName} as {context.ResponseName} on {context.ParentType.Name} " +
                    $"source={context.Source} prefix={context.Arguments["prefix"]} v={context.Variables["v"]} ctx={context.Context}");
                return new($"{context.Arguments["prefix"]}{context.Source}");
            });

        var result = await Execute(schema, """query ($v: String = "7") { items { l: label } }""", context: "tenant-a");

        Assert.Equal("""{"data":{"items":[{"l":"#1"},{"l":"#2"}]}}""", result.ToJson());
        Assert.Equal(
            [
                "items/0/l label as l on Item source=1 prefix=# v=7 ctx=tenant-a",
                "items/1/l label as l on Item source=2 prefix=# v=7 ctx=tenant-a",
            ],
            seen);
    }

    private sealed record Person(string Name, int Age);

    [Fact]
    public async Task The_default_resolver_reads_dictionaries_json_and_clr_properties()
    {
        var schema = Schema("type Query { expando: P json: P clr: P } type P { name: String age: Int }");
        dynamic expando = new System.Dynamic.ExpandoObject();
        expando.name = "E";
        expando.age = 1;
        var root = Map(("expando", (object)expando), ("json", Json("""{"name":"J","age":2}""")), ("clr", new Person("C", 3)));

        var result = await Execute(schema, "{ expando { name age } json { name age } clr { name age } }", root);

        Assert.Equal("""{"data":{"expando":{"name":"E","age":1},"json":{"name":"J","age":2},"clr":{"name":"C","age":3}}}""", result.ToJson());
    }
}
