using Federation.Gateway.Caching;
using Federation.Gateway.Catalogue;
using Microsoft.Extensions.Configuration;

namespace Federation.Gateway.Tests.Caching;

/// <summary>The <c>Cache</c> section: defaults, lifetimes per update frequency, and settings refused at start with what is wrong.</summary>
public sealed class CacheOptionsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void By_default_the_cache_is_on_in_process_alone()
    {
        var options = CacheServices.Read(Configuration());

        Assert.True(options.Enabled);
        Assert.Null(options.Redis);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Lifetimes_follow_the_update_frequency_capped_and_real_time_only_with_change_events()
    {
        var options = new CacheOptions { MaxTtl = TimeSpan.FromDays(7), RealTimeTtl = TimeSpan.FromSeconds(30) };

        Assert.Equal(TimeSpan.FromSeconds(30), options.TtlOf(UpdateFrequency.RealTime));
        Assert.Equal(TimeSpan.FromDays(1), options.TtlOf(UpdateFrequency.Daily));
        Assert.Equal(TimeSpan.FromDays(7), options.TtlOf(UpdateFrequency.Weekly));
        Assert.Equal(TimeSpan.FromDays(7), options.TtlOf(UpdateFrequency.Yearly));
        Assert.Null(new CacheOptions { ChangeEvents = false }.TtlOf(UpdateFrequency.RealTime));
    }

    [Theory]
    [InlineData("Cache:RealTimeTtl", "01:00:00", "Cache:RealTimeTtl")]
    [InlineData("Cache:MemoryLimitBytes", "1000", "Cache:MemoryLimitBytes")]
    [InlineData("Cache:KeyPrefix", "a b", "Cache:KeyPrefix")]
    [InlineData("Cache:Redis", " ", "Cache:Redis")]
    [InlineData("Cache:RedisTimeout", "00:01:00", "Cache:RedisTimeout")]
    [InlineData("Cache:MaxLookupKeys", "0", "Cache:MaxLookupKeys")]
    public void Settings_that_cannot_work_stop_the_start_naming_the_setting(string key, string value, string named)
    {
        var exception = Assert.Throws<CacheConfigurationException>(() => CacheServices.Read(Configuration((key, value))));

        Assert.Contains(named, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_does_not_read_is_a_configuration_error_too()
    {
        var exception = Assert.Throws<CacheConfigurationException>(() => CacheServices.Read(Configuration(("Cache:Enabled", "sometimes"))));

        Assert.Contains("Cache", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Switched_off_nothing_else_is_checked()
    {
        Assert.False(CacheServices.Read(Configuration(("Cache:Enabled", "false"), ("Cache:MemoryLimitBytes", "1"))).Enabled);
    }
}
