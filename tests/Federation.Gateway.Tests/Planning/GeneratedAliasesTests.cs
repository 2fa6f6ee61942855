using Federation.Gateway.Execution;
using Federation.Gateway.Requests;
using Federation.Gateway.Planning;

namespace Federation.Gateway.Tests.Planning;

/// <summary>Generated aliases never take a taken name nor repeat, and are renamed back exactly where the fetch put them.</summary>
public sealed class GeneratedAliasesTests
{
    [Fact]
    public void A_generated_alias_skips_the_names_already_taken()
    {
        var aliases = new GeneratedAliases(["holder__alias_0", "holder__alias_2"]);

        Assert.Equal("holder__alias_1", aliases.For("holder"));
        Assert.Equal("holder__alias_3", aliases.For("holder"));
    }

    [Fact]
    public void No_alias_is_generated_twice()
    {
        var aliases = new GeneratedAliases([]);

        var generated = Enumerable.Range(0, 50).Select(i => aliases.For(i % 2 == 0 ? "a" : "b")).ToList();

        Assert.Equal(generated.Count, generated.Distinct().Count());
    }

    [Fact]
    public void A_rename_walks_lists_and_moves_the_value_under_the_response_name()
    {
        var data = Json("""{ "wallet": [ { "holder": "Wu" }, { "holder__alias_0": null }, { "holder__alias_0": "Xu", "other": 1 } ] }""");

        AliasRenames.Apply(data, [new AliasRename(["wallet"], "holder__alias_0", "holder")]);

        Assert.Equal("""{"wallet":[{"holder":"Wu"},{"holder":null},{"holder":"Xu","other":1}]}""", PlainJson.ToText(data));
    }

    [Fact]
    public void Deeper_renames_first_reach_values_under_an_aliased_parent()
    {
        var data = Json("""{ "owner__alias_0": { "name__alias_1": "Wu" } }""");

        AliasRenames.Apply(data, [new AliasRename(["owner__alias_0"], "name__alias_1", "name"), new AliasRename([], "owner__alias_0", "owner")]);

        Assert.Equal("""{"owner":{"name":"Wu"}}""", PlainJson.ToText(data));
    }

    [Fact]
    public void An_error_path_names_the_response_name_not_the_alias()
    {
        List<object> path = ["_entities", 0, "wallet", 2, "holder__alias_0"];

        var restored = AliasRenames.Restore(path, 2, [new AliasRename(["wallet"], "holder__alias_0", "holder")]);

        Assert.Equal(["_entities", 0, "wallet", 2, "holder"], restored);
    }

    [Fact]
    public void An_error_path_elsewhere_is_left_alone()
    {
        List<object> path = ["cards", 0, "holder__alias_0"];

        var restored = AliasRenames.Restore(path, 0, [new AliasRename(["wallet"], "holder__alias_0", "holder")]);

        Assert.Equal(["cards", 0, "holder__alias_0"], restored);
    }

    private static Dictionary<string, object?> Json(string text) => (Dictionary<string, object?>)PlainJson.Read(System.Text.Encoding.UTF8.GetBytes(text))!;
}
