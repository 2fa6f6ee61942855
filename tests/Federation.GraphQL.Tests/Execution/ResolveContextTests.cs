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
}
