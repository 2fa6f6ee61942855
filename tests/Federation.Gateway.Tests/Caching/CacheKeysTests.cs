using Federation.Gateway.Caching;

namespace Federation.Gateway.Tests.Caching;

/// <summary>Entry keys: one per subgraph, type, resource and key, whatever characters a key value holds.</summary>
public sealed class CacheKeysTests
{
    private static Dictionary<string, object?> Key(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal);

    [Fact]
    public void Keys_differ_by_subgraph_type_resource_and_key()
    {
        var key = Key(("idNumber", "330203199001010001"));
        string[] entries =
        [
            CacheKeys.Entry("population", "Person", "population.person-base", key),
            CacheKeys.Entry("licences", "Person", "population.person-base", key),
            CacheKeys.Entry("population", "Licence", "population.person-base", key),
            CacheKeys.Entry("population", "Person", "population.person-birth", key),
            CacheKeys.Entry("population", "Person", "population.person-base", Key(("idNumber", "330203199001010002"))),
            CacheKeys.Entry("population", "Person", "population.person-base", Key(("number", "330203199001010001"))),
        ];

        Assert.Equal(entries.Length, entries.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Separators_in_names_or_values_cannot_make_two_entities_one()
    {
        // Were the parts joined plainly, each pair would print the same.
        Assert.NotEqual(
            CacheKeys.Entry("a", "b:c", "r", Key(("k", "v"))),
            CacheKeys.Entry("a:b", "c", "r", Key(("k", "v"))));
        Assert.NotEqual(
            CacheKeys.Entry("s", "T", "r", Key(("a", "1\",\"b\":\"2"))),
            CacheKeys.Entry("s", "T", "r", Key(("a", "1"), ("b", "2"))));
        Assert.NotEqual(
            CacheKeys.Entry("s", "T", "r", Key(("n", 42L))),
            CacheKeys.Entry("s", "T", "r", Key(("n", "42"))));
    }

    [Fact]
    public void A_keys_field_order_does_not_matter_and_no_key_value_shows_in_the_key()
    {
        var one = CacheKeys.Entry("s", "T", "r", Key(("a", "330203199001010001"), ("b", "x")));
        var other = CacheKeys.Entry("s", "T", "r", Key(("b", "x"), ("a", "330203199001010001")));

        Assert.Equal(one, other);
        Assert.DoesNotContain("330203199001010001", one, StringComparison.Ordinal);
        Assert.StartsWith(CacheKeys.Prefix + "s:T:r:", one, StringComparison.Ordinal);
    }
}
