using System.Text.Json.Nodes;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Tests.Harness;

namespace Federation.Subgraphs.Licences.Tests.Seals;

public sealed class JsonCanonicalizationTests
{
    [Fact]
    public void Members_are_sorted_by_UTF16_code_units_as_in_RFC_8785_section_3_2_3()
    {
        // The sorting example of RFC 8785 §3.2.3.
        var input = JsonNode.Parse("""
            {"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}
            """);
        var names = JsonNode.Parse(JsonCanonicalization.Canonicalize(input))!.AsObject().Select(m => m.Key).ToList();
        Assert.Equal(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"], names);
    }

    [Fact]
    public void Strings_are_escaped_as_JSON_stringify_escapes_them()
    {
        // The string of RFC 8785 §3.2.2.2's example.
        var input = new JsonArray("\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"/");
        Assert.Equal("[\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"]", JsonCanonicalization.Canonicalize(input));
    }

    [Fact]
    public void Whitespace_goes_nested_objects_sort_and_literals_stay()
    {
        var input = JsonNode.Parse("""{ "b": [ 1, true, null, { "z": 1, "a": "x" } ], "a": { "d": false, "c": -7 } }""");
        Assert.Equal("""{"a":{"c":-7,"d":false},"b":[1,true,null,{"a":"x","z":1}]}""", JsonCanonicalization.Canonicalize(input));
    }

    [Fact]
    public void Numbers_that_need_ECMAScript_formatting_are_refused_rather_than_written_differently()
    {
        Assert.Throws<NotSupportedException>(() => JsonCanonicalization.Canonicalize(JsonNode.Parse("[1.5]")));
        Assert.Throws<NotSupportedException>(() => JsonCanonicalization.Canonicalize(JsonNode.Parse("[9007199254740993]")));
    }

    [Fact]
    public void The_sealed_content_of_every_seeded_licence_is_the_canonical_form_of_its_document()
    {
        foreach (var licence in SeedData.Licences)
        {
            var content = SealContent.Of(licence);
            Assert.Equal(JsonCanonicalization.Canonicalize(SealContent.Document(licence, licence.Seal.Salt)), content);
            Assert.Equal(licence.Seal.Salt, JsonNode.Parse(content)!["salt"]!.GetValue<string>());
            Assert.Equal(content, JsonCanonicalization.Canonicalize(JsonNode.Parse(content)));
        }
    }
}
