using Federation.Gateway.Planning;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Tests.Planning;

public sealed class QueryPlanCacheTests
{
    private static readonly QueryPlan Empty = new(OperationType.Query, null);

    [Fact]
    public void A_cached_plan_is_not_planned_again()
    {
        var cache = new QueryPlanCache();
        var planned = 0;
        var hash = QueryPlanCache.Hash("{ __typename }");

        var first = cache.GetOrAdd(hash, null, () => { planned++; return Empty; });
        var second = cache.GetOrAdd(hash, null, () => { planned++; return new QueryPlan(OperationType.Query, null); });

        Assert.Equal(1, planned);
        Assert.Same(first, second);
    }

    [Fact]
    public void The_operation_name_is_part_of_the_key()
    {
        var cache = new QueryPlanCache();
        var hash = QueryPlanCache.Hash("query A { __typename } query B { __typename }");

        cache.GetOrAdd(hash, "A", () => Empty);
        cache.GetOrAdd(hash, "B", () => Empty);

        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Past_its_capacity_the_least_recently_used_plan_goes()
    {
        var cache = new QueryPlanCache(capacity: 2);
        cache.GetOrAdd("a", null, () => Empty);
        cache.GetOrAdd("b", null, () => Empty);
        cache.GetOrAdd("a", null, () => throw new InvalidOperationException("a is cached"));

        cache.GetOrAdd("c", null, () => Empty);

        Assert.Equal(2, cache.Count);
        var replanned = false;
        cache.GetOrAdd("b", null, () => { replanned = true; return Empty; });
        Assert.True(replanned);
        cache.GetOrAdd("c", null, () => throw new InvalidOperationException("c is cached"));
    }
}
